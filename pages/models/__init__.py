"""Page types, one module per part of the tree, and the site-wide settings."""

from pages.models.landing import HomePage
from pages.models.roadmap import RoadmapPage
from pages.models.site_settings import SchoolSettings
from pages.models.standard import StandardPage

__all__ = ["HomePage", "RoadmapPage", "SchoolSettings", "StandardPage"]
