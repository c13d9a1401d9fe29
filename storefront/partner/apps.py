import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    """Partner is the OCOP producer ("chủ thể OCOP")."""

    name = "storefront.partner"
