"""Announcements from the programme, with RSS and Atom feeds (cms.feeds)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from storefront.ocop.models import today

from .base import ContentPage, IndexPage


class NewsIndexPage(RoutablePageMixin, IndexPage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def news(self):
        return NewsPage.objects.child_of(self).live().order_by("-date", "-pk")

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/", name="rss")
    def rss(self, request):
        from ..feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        from ..feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_items"] = self.news()[:30]
        return context


class NewsPage(ContentPage):
    date = models.DateField(_("date"), default=today)
    content_panels = ContentPage.content_panels[:1] + [FieldPanel("date")] + ContentPage.content_panels[1:]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
