"""An inquiry is addressed to the producer of one product and stays with it: the producer (and staff) answer in
the dashboard; the business needs no account, only the unguessable link e-mailed to it."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


def new_token():
    return secrets.token_urlsafe(32)


class Unit(models.TextChoices):
    PIECE = "piece", _("pieces / packs")
    BOX = "box", _("boxes / cartons")
    BOTTLE = "bottle", _("bottles")
    KG = "kg", _("kilograms")
    TONNE = "tonne", _("tonnes")
    LITRE = "litre", _("litres")


class InquiryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff see every inquiry; a producer user only those addressed to its producers."""
        return self if user.is_staff else self.filter(producer__users=user).distinct()

    def waiting(self):
        return self.filter(status=Inquiry.Status.OPEN)


class Inquiry(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Awaiting the producer")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    product = models.ForeignKey("catalogue.Product", verbose_name=_("product"), on_delete=models.PROTECT,
                                related_name="inquiries")
    # The addressee, fixed when the inquiry is made: a product that later changes hands keeps its history.
    producer = models.ForeignKey("partner.Partner", verbose_name=_("producer"), on_delete=models.PROTECT,
                                 related_name="inquiries")
    company = models.CharField(_("company"), max_length=200)
    tax_code = models.CharField(_("tax code"), max_length=14)
    contact_name = models.CharField(_("contact person"), max_length=120)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"))
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    destination_country = CountryField(_("destination country"), default="VN")
    destination_province = models.ForeignKey("ocop.Province", verbose_name=_("destination province/city"),
                                             null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    needed_by = models.DateField(_("needed by"))
    message = models.TextField(_("message"), max_length=2000)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN,
                              db_index=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    first_answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    last_nudged_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    nudge_count = models.PositiveSmallIntegerField(_("reminders sent"), default=0)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        indexes = [models.Index(fields=["producer", "-created_at"])]

    def __str__(self):
        return f"{self.company} → {self.product}"

    def get_absolute_url(self):
        """The business's private page (no account: whoever holds the link reads the thread)."""
        return reverse("inquiries:thread", kwargs={"token": self.token})

    @property
    def destination(self):
        if self.destination_province_id:
            return f"{self.destination_province.name}, {self.destination_country.name}"
        return self.destination_country.name

    @property
    def response_time(self):
        return self.first_answered_at - self.created_at if self.first_answered_at else None

    def waiting_for(self, now=None):
        """How long the business has waited for a first answer (None once answered)."""
        return None if self.first_answered_at else (now or timezone.now()) - self.created_at

    def thread(self):
        """The business's request, then messages and quotes in the order they were written."""
        entries = [*self.messages.select_related("author_user"), *self.quotes.select_related("created_by")]
        return sorted(entries, key=lambda entry: (entry.created_at, entry.pk))


class InquiryMessage(models.Model):
    class Author(models.TextChoices):
        BUSINESS = "business", _("Business")
        PRODUCER = "producer", _("Producer")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="messages")
    author = models.CharField(_("from"), max_length=16, choices=Author.choices)
    author_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    body = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    is_quote = False

    class Meta:
        ordering = ["created_at", "pk"]


class Quote(models.Model):
    """A producer's offer: whole đồng per unit, at least `minimum_order` units, ready `lead_time_days` after the
    order, open until `valid_until`."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="quotes")
    unit_price = models.PositiveBigIntegerField(_("unit price (đồng)"))
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    minimum_order = models.PositiveIntegerField(_("minimum order"))
    lead_time_days = models.PositiveSmallIntegerField(_("lead time (days)"))
    valid_until = models.DateField(_("valid until"))
    note = models.TextField(_("note"), max_length=2000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    is_quote = True
    author = InquiryMessage.Author.PRODUCER

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(unit_price__gt=0), name="quote_price_positive"),
                       models.CheckConstraint(condition=models.Q(minimum_order__gt=0),
                                              name="quote_minimum_positive")]
