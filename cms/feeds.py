"""RSS and Atom feeds of a news index (Django syndication)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from storefront.site_url import page_url


class NewsRssFeed(Feed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return index.title

    def link(self, index):
        return page_url(index)

    def description(self, index):
        return index.search_description or index.title

    def items(self, index):
        return index.news().specific()[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return page_url(item)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(8)))

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
