from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TradeDeskConfig(AppConfig):
    """The trade promotion desk: producers apply for fair booths and staff place them (docs/tradedesk.md)."""

    name = "storefront.tradedesk"
    label = "tradedesk"
    verbose_name = _("Trade promotion desk")
