"""Where each page type may stand in the tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import HomePage, RoadmapPage, StandardPage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, RoadmapPage})

    def test_roadmap_is_a_leaf_under_home_or_a_standard_page(self):
        self.assertAllowedParentPageTypes(RoadmapPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(RoadmapPage, set())

    def test_one_home_page_per_parent(self):
        self.assertEqual(HomePage.max_count_per_parent, 1)
