"""Editors can only build the tree the templates expect."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import (CampaignIndexPage, CampaignPage, FairIndexPage, FairPage, HomePage, NewsIndexPage, NewsPage,
                        ProductStoryPage, ProvinceIndexPage, ProvincePage, ShowroomIndexPage, ShowroomPage,
                        StoryIndexPage)

INDEXES = {StoryIndexPage: ProductStoryPage, ProvinceIndexPage: ProvincePage, CampaignIndexPage: CampaignPage,
           FairIndexPage: FairPage, ShowroomIndexPage: ShowroomPage, NewsIndexPage: NewsPage}


class TestPageTree(WagtailPageTestCase):
    def test_home_sits_at_the_root_and_holds_only_the_six_index_pages(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, set(INDEXES))

    def test_each_index_holds_only_its_own_page_type_and_lives_under_home(self):
        for index, child in INDEXES.items():
            self.assertAllowedParentPageTypes(index, {HomePage})
            self.assertAllowedSubpageTypes(index, {child})
            self.assertAllowedParentPageTypes(child, {index})
            self.assertAllowedSubpageTypes(child, set())

    def test_content_pages_cannot_be_created_in_the_wrong_place(self):
        self.assertCanCreateAt(FairIndexPage, FairPage)
        self.assertCanNotCreateAt(StoryIndexPage, FairPage)
        self.assertCanNotCreateAt(HomePage, ProductStoryPage)
        self.assertCanNotCreateAt(FairPage, FairPage)
        self.assertCanNotCreateAt(Page, ProductStoryPage)
