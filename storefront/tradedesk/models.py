"""Booth applications: a producer asks for a booth at a fair; staff accept it (booth number and zone), put it on
the waiting list or decline it. Which states exist and what moves between them is `ocop.booth_rules`'."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from storefront.ocop.booth_rules import ACTIVE, State


class BoothApplication(models.Model):
    class Status(models.TextChoices):  # the values the rules know (booth_rules.State)
        PENDING = State.PENDING.value, _("Under review")
        ACCEPTED = State.ACCEPTED.value, _("Accepted")
        WAITLISTED = State.WAITLISTED.value, _("On the waiting list")
        DECLINED = State.DECLINED.value, _("Declined")
        WITHDRAWN = State.WITHDRAWN.value, _("Withdrawn")

    fair = models.ForeignKey("cms.FairPage", verbose_name=_("fair"), on_delete=models.CASCADE,
                             related_name="booth_applications")
    producer = models.ForeignKey("partner.Partner", verbose_name=_("producer"), on_delete=models.PROTECT,
                                 related_name="booth_applications")
    products = models.ManyToManyField("catalogue.Product", verbose_name=_("products to show"), related_name="+")
    size = models.ForeignKey("cms.BoothSize", verbose_name=_("booth size"), on_delete=models.PROTECT,
                             related_name="applications")
    needs_power = models.BooleanField(_("needs electricity"), default=False)
    needs_cold_storage = models.BooleanField(_("needs cold storage"), default=False)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_phone = models.CharField(_("contact phone"), max_length=32)
    note = models.TextField(_("note for the organisers"), blank=True)
    state = models.CharField(_("state"), max_length=16, choices=Status.choices, default=Status.PENDING)
    zone = models.ForeignKey("cms.BoothZone", verbose_name=_("zone"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="applications")
    booth_code = models.CharField(_("booth number"), max_length=16, blank=True)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why the application was declined."))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    # When it joined the waiting list: the list moves up in this order.
    waitlisted_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("booth application")
        verbose_name_plural = _("booth applications")
        constraints = [
            models.UniqueConstraint(fields=["fair", "producer"],
                                    condition=models.Q(state__in=sorted(s.value for s in ACTIVE)),
                                    name="tradedesk_one_open_application_per_fair"),
            models.UniqueConstraint(fields=["fair", "booth_code"], condition=models.Q(state=State.ACCEPTED.value),
                                    name="tradedesk_booth_number_unique_per_fair"),
            models.CheckConstraint(condition=~models.Q(state=State.ACCEPTED.value)
                                   | (~models.Q(booth_code="") & models.Q(zone__isnull=False)),
                                   name="tradedesk_accepted_has_booth_and_zone"),
            models.CheckConstraint(condition=~models.Q(state=State.DECLINED.value) | ~models.Q(reason=""),
                                   name="tradedesk_declined_has_reason"),
        ]

    def __str__(self):
        return f"{self.producer} — {self.fair}"

    @property
    def is_active(self):
        return self.state in ACTIVE
