from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner


class Partner(AbstractPartner):
    """An OCOP producer: a cooperative, cooperative group, small firm or registered household."""

    class LegalType(models.TextChoices):
        COOPERATIVE = "cooperative", _("Hợp tác xã")
        COOPERATIVE_GROUP = "cooperative_group", _("Tổ hợp tác")
        ENTERPRISE = "enterprise", _("Doanh nghiệp")
        HOUSEHOLD = "household", _("Hộ sản xuất kinh doanh")

    legal_type = models.CharField(_("loại hình chủ thể"), max_length=32, choices=LegalType.choices,
                                  default=LegalType.HOUSEHOLD)
    province = models.ForeignKey("ocop.Province", verbose_name=_("tỉnh/thành phố"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="producers")
    commune = models.ForeignKey("ocop.Commune", verbose_name=_("xã/phường"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="producers")
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True,
                               help_text=_("Số nhà, thôn/tổ, đường; xã và tỉnh chọn ở trên."))
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)
    email = models.EmailField(_("email"), blank=True)
    description = models.TextField(_("giới thiệu"), blank=True)
    verified = models.BooleanField(_("đã xác minh"), default=False,
                                   help_text=_("Cán bộ chương trình đã xác minh giấy đăng ký của chủ thể."))

    class Meta(AbstractPartner.Meta):
        pass

    @property
    def full_address(self):
        parts = [self.address, self.commune.name if self.commune else "", self.province.name if self.province else ""]
        return ", ".join(part for part in parts if part)


from oscar.apps.partner.models import *  # noqa: E402,F401,F403  Oscar's remaining partner models
