"""How a certificate's status reads to people (the rules module names them; this says them)."""

from django.utils.translation import gettext_lazy as _

from .rules import Status

STATUS_LABELS = {
    Status.NOT_YET_VALID: _("Chưa có hiệu lực"),
    Status.VALID: _("Còn hiệu lực"),
    Status.RENEWAL_WINDOW: _("Còn hiệu lực, trong thời hạn gia hạn"),
    Status.EXPIRED: _("Hết hiệu lực"),
    Status.REVOKED: _("Đã thu hồi"),
}
