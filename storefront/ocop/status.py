"""How a certificate's status reads to people (the rules module names them; this says them)."""

from django.utils.translation import gettext_lazy as _

from .rules import Status

STATUS_LABELS = {
    Status.NOT_YET_VALID: _("Not yet valid"),
    Status.VALID: _("Valid"),
    Status.RENEWAL_WINDOW: _("Valid, in the renewal window"),
    Status.EXPIRED: _("Expired"),
    Status.REVOKED: _("Revoked"),
}
