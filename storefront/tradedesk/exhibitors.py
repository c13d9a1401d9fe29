"""The organisers' printable exhibitor list of a fair: every booth (typed by staff or accepted from an
application) with its zone, producer, province, products and contact, in booth order."""

from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from cms.models import Booth
from storefront.ocop.booth_rules import State

from . import pdf


def exhibitor_rows(fair):
    """(booth, zone, producer, province, products, contact) for every exhibitor, by zone then booth."""
    rows = []
    for booth in Booth.objects.filter(page=fair).select_related("producer__province"):
        producer = booth.producer
        rows.append((booth.code, booth.zone, producer.name, producer.province.name if producer.province_id else "",
                     "\n".join(product.title for product in booth.products_on_show()),
                     producer.phone or producer.email))
    applications = (fair.booth_applications.filter(state=State.ACCEPTED)
                    .select_related("producer__province", "zone", "size").prefetch_related("products"))
    for application in applications:
        producer = application.producer
        products = sorted(product.title for product in application.products.all())
        needs = [label for wanted, label in ((application.needs_power, _("electricity")),
                                             (application.needs_cold_storage, _("cold storage"))) if wanted]
        contact = f"{application.contact_name}\n{application.contact_phone}"
        rows.append((application.booth_code, application.zone.name, producer.name,
                     producer.province.name if producer.province_id else "",
                     "\n".join(products) + (f"\n({application.size.label}; {', '.join(needs)})" if needs
                                            else f"\n({application.size.label})"),
                     contact))
    return sorted(rows, key=lambda row: (row[1], row[0]))


def exhibitor_list_pdf(fair):
    sheet = pdf.styles()
    rows = exhibitor_rows(fair)
    subtitle = _(
        "%(starts)s – %(ends)s · %(venue)s, %(province)s · organiser: %(organiser)s · %(count)s exhibitors") % {
        "starts": fair.starts_on.strftime("%d/%m/%Y"), "ends": fair.ends_on.strftime("%d/%m/%Y"),
        "venue": fair.venue, "province": fair.province.name, "organiser": fair.organiser, "count": len(rows)}
    width = pdf.usable_width()
    header = [_("Booth"), _("Zone"), _("Producer"), _("Province/city"), _("Products"), _("Contact")]
    widths = [w * width for w in (0.08, 0.15, 0.22, 0.12, 0.28, 0.15)]
    story = [pdf.text(_("Exhibitors: %(fair)s") % {"fair": fair.title}, sheet["title"]),
             pdf.text(subtitle, sheet["subtitle"]), Spacer(1, 2 * mm),
             pdf.table(header, rows, widths)]
    return pdf.render(story, title=_("Exhibitors: %(fair)s") % {"fair": fair.title}, author=fair.organiser,
                      footer=fair.title)
