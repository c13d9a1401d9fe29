"""Trade fairs: dates, venue, organiser, registration deadline and booths edited inline. Status comes from the
dates; every fair has an iCal file and the index a feed of the upcoming ones (cms.ical)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from storefront.ocop import booth_rules
from storefront.ocop.models import today

from ..booths import BOOTH_SHOWS, BoothInlinePanel, BoothProductsWidget, FairPageForm
from .base import ContentPage, IndexPage, buyable, public_products

UPCOMING, ONGOING, PAST = "upcoming", "ongoing", "past"
STATUS_LABELS = {UPCOMING: _("Upcoming"), ONGOING: _("Ongoing"), PAST: _("Past")}


def fair_status(starts_on, ends_on, day):
    if day < starts_on:
        return UPCOMING
    if day > ends_on:
        return PAST
    return ONGOING


class FairIndexPage(RoutablePageMixin, IndexPage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.FairPage"]

    class Meta:
        verbose_name = _("fair index")

    @path("")
    def index(self, request):
        return self.render(request)

    @path("ical/", name="calendar")
    def calendar(self, request):
        from ..ical import fairs_calendar

        fairs = FairPage.upcoming(today(), ongoing=True).child_of(self)
        return calendar_response(fairs_calendar(fairs), "ocop-fairs.ics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        day = today()
        fairs = FairPage.objects.child_of(self).live().select_related("province").order_by("-starts_on")
        context["current"] = sorted([f for f in fairs if f.status_on(day) != PAST], key=lambda f: f.starts_on)
        context["past"] = [f for f in fairs if f.status_on(day) == PAST]
        return context


def calendar_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class FairPage(RoutablePageMixin, ContentPage):
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    venue = models.CharField(_("venue"), max_length=200)
    address = models.CharField(_("address"), max_length=255, blank=True)
    province = models.ForeignKey("ocop.Province", verbose_name=_("province/city"), on_delete=models.PROTECT,
                                 related_name="fairs")
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200)
    registration_deadline = models.DateField(_("booth registration deadline"), null=True, blank=True)
    # Booth registration (storefront/tradedesk): producers apply from their dashboard while it is open.
    booth_capacity = models.PositiveSmallIntegerField(
        _("booths in all"), null=True, blank=True,
        help_text=_("Every booth of the fair, the ones typed below included. Left empty, producers cannot apply."))
    minimum_stars = models.PositiveSmallIntegerField(
        _("minimum stars"), default=3, choices=[(3, "3★"), (4, "4★"), (5, "5★")],
        help_text=_("Products shown need a certificate with at least these stars, valid on every day of the fair."))
    eligible_provinces = ParentalManyToManyField(
        "ocop.Province", verbose_name=_("provinces that may apply"), blank=True, related_name="+",
        help_text=_("Left empty, producers from every province may apply."))

    content_panels = ContentPage.content_panels + [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("registration_deadline")]),
            FieldPanel("venue"), FieldPanel("address"), FieldPanel("province"),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            FieldPanel("organiser"),
        ], heading=_("when and where")),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("booth_capacity"), FieldPanel("minimum_stars")]),
            FieldPanel("eligible_provinces"),
            InlinePanel("booth_zones", label=_("zones")),
            InlinePanel("booth_sizes", label=_("booth sizes")),
        ], heading=_("booth registration")),
        BoothInlinePanel("booths", label=_("booths")),
    ]
    base_form_class = FairPageForm
    parent_page_types = ["cms.FairIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fair")
        verbose_name_plural = _("fairs")

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A fair cannot end before it starts.")})
        if self.registration_deadline and self.ends_on and self.registration_deadline > self.ends_on:
            raise ValidationError({"registration_deadline": _("Registration must close before the fair ends.")})
        if self.booth_capacity and not self.registration_deadline:
            raise ValidationError({"registration_deadline": _("Give the registration deadline: producers apply "
                                                              "until that day.")})

    @classmethod
    def upcoming(cls, day, ongoing=True):
        """Live fairs still to come on `day` (and, with `ongoing`, the ones running), soonest first."""
        fairs = cls.objects.live().select_related("province")
        fairs = fairs.filter(ends_on__gte=day) if ongoing else fairs.filter(starts_on__gt=day)
        return fairs.order_by("starts_on")

    def status_on(self, day):
        return fair_status(self.starts_on, self.ends_on, day)

    @property
    def status(self):
        return self.status_on(today())

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def registration_open(self):
        return booth_rules.registration_open(self.registration_deadline, today())

    @property
    def takes_applications(self):
        """Producers may apply now: the deadline has not passed, and staff gave a capacity and booth sizes."""
        return self.registration_open and bool(self.booth_capacity) and self.booth_sizes.exists()

    @path("")
    def fair(self, request):
        return self.render(request)

    @path("ical/", name="calendar")
    def calendar(self, request):
        from ..ical import fairs_calendar

        return calendar_response(fairs_calendar([self]), f"{self.slug}.ics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        booths = list(self.booths.select_related("producer", "producer__province"))
        for booth in booths:
            booth.shown_products = booth.products_on_show()
        from storefront.tradedesk.booths import accepted_booths

        booths += accepted_booths(self)  # typed by staff first, in their order; then accepted applications
        context["booths"] = booths
        context["zones"] = sorted({booth.zone for booth in booths if booth.zone})
        return context


class Booth(Orderable, ClusterableModel):
    page = ParentalKey(FairPage, on_delete=models.CASCADE, related_name="booths")
    code = models.CharField(_("booth code"), max_length=16)
    zone = models.CharField(_("zone"), max_length=80, blank=True)
    producer = models.ForeignKey("partner.Partner", verbose_name=_("producer"), on_delete=models.PROTECT,
                                 related_name="booths")
    featured_products = ParentalManyToManyField("catalogue.Product", verbose_name=_("featured products"),
                                                blank=True, related_name="+",
                                                help_text=_("Left empty, the booth shows the producer's products."))

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("zone")]),
        FieldPanel("producer"),
        FieldPanel("featured_products", widget=BoothProductsWidget,
                   help_text=lazy(lambda: _("Tick up to %(count)s of the producer's products; left empty, the "
                                            "booth shows the producer's products.") % {"count": BOOTH_SHOWS},
                                  str)()),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("booth")
        verbose_name_plural = _("booths")

    def __str__(self):
        return f"{self.code} — {self.producer}"

    def products_on_show(self, limit=BOOTH_SHOWS):
        featured = public_products().filter(pk__in=self.featured_products.all())
        if not featured.exists():
            featured = public_products().filter(producer_id=self.producer_id)
        return list(buyable(featured).order_by("title")[:limit])


class BoothZone(Orderable):
    """An area of the fair staff give accepted booths in, with how many booths it holds."""

    page = ParentalKey(FairPage, on_delete=models.CASCADE, related_name="booth_zones")
    name = models.CharField(_("zone"), max_length=80, help_text=_("For example: Khu A – Thực phẩm."))
    capacity = models.PositiveSmallIntegerField(_("booths"))

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("capacity")])]

    class Meta(Orderable.Meta):
        verbose_name = _("zone")
        verbose_name_plural = _("zones")

    def __str__(self):
        return self.name


class BoothSize(Orderable):
    """A booth size producers choose from, with its fee in whole đồng (0: free)."""

    page = ParentalKey(FairPage, on_delete=models.CASCADE, related_name="booth_sizes")
    label = models.CharField(_("size"), max_length=32, help_text=_("For example: 3 × 3 m."))
    fee = models.PositiveIntegerField(_("fee (đồng)"), default=0, help_text=_("Whole đồng; 0 means free."))

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("fee")])]

    class Meta(Orderable.Meta):
        verbose_name = _("booth size")
        verbose_name_plural = _("booth sizes")

    def __str__(self):
        return self.label
