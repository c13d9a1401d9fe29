"""Trade fairs: dates, venue, organiser, registration deadline and booths edited inline. Status comes from the
dates; every fair has an iCal file and the index a feed of the upcoming ones (cms.ical)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from storefront.ocop.models import today

from ..booths import BOOTH_SHOWS, BoothInlinePanel, BoothProductsWidget
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

    content_panels = ContentPage.content_panels + [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("registration_deadline")]),
            FieldPanel("venue"), FieldPanel("address"), FieldPanel("province"),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            FieldPanel("organiser"),
        ], heading=_("when and where")),
        BoothInlinePanel("booths", label=_("booths")),
    ]
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
        return bool(self.registration_deadline) and today() <= self.registration_deadline

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
