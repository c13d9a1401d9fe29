"""Wagtail pages, one module per content family (bakerydemo's habit): home, stories, regions, campaigns, fairs,
showrooms, news."""

from .campaigns import CampaignIndexPage, CampaignPage, CampaignProduct  # noqa: F401
from .fairs import Booth, BoothSize, BoothZone, FairIndexPage, FairPage, fair_status  # noqa: F401
from .home import HomeFeaturedFair, HomeFeaturedProduct, HomeFeaturedStory, HomePage  # noqa: F401
from .news import NewsIndexPage, NewsPage  # noqa: F401
from .regions import ProvinceIndexPage, ProvincePage  # noqa: F401
from .showrooms import ShowroomIndexPage, ShowroomPage, ShowroomProduct  # noqa: F401
from .stories import ProductStoryPage, StoryIndexPage, StoryProduct  # noqa: F401
