from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner


class Partner(AbstractPartner):
    """An OCOP producer: a cooperative, cooperative group, small firm or registered household."""

    class LegalType(models.TextChoices):
        COOPERATIVE = "cooperative", _("Cooperative")
        COOPERATIVE_GROUP = "cooperative_group", _("Cooperative group")
        ENTERPRISE = "enterprise", _("Enterprise")
        HOUSEHOLD = "household", _("Household business")

    legal_type = models.CharField(_("legal type"), max_length=32, choices=LegalType.choices,
                                  default=LegalType.HOUSEHOLD)
    province = models.ForeignKey("ocop.Province", verbose_name=_("province/city"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="producers")
    commune = models.ForeignKey("ocop.Commune", verbose_name=_("commune/ward"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="producers")
    address = models.CharField(_("address"), max_length=255, blank=True,
                               help_text=_("House number, hamlet or residential group, street; "
                                           "choose the commune and province above."))
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("email"), blank=True)
    description = models.TextField(_("introduction"), blank=True)
    verified = models.BooleanField(_("verified"), default=False,
                                   help_text=_("A programme officer has verified the producer's registration papers."))

    class Meta(AbstractPartner.Meta):
        pass

    @property
    def full_address(self):
        parts = [self.address, self.commune.name if self.commune else "", self.province.name if self.province else ""]
        return ", ".join(part for part in parts if part)


from oscar.apps.partner.models import *  # noqa: E402,F401,F403  Oscar's remaining partner models
