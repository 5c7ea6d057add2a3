"""The landing of the demo, from landing.yaml (its English is in english.yaml, with the other pages').

The landing links to pages of every area (the parents' section of the support system, for one), so the
top-level `demo` app builds it after all the areas.
"""

from pages.demo.data import read_data
from pages.demo.loading import Report
from pages.demo.publishing import publish
from pages.demo.streams import stream
from pages.models import HomePage


def load_demo(*, home: HomePage, report: Report) -> None:
    """Publishes the landing's blocks on a home page no one has saved yet."""
    landing = read_data("pages.demo", "landing.yaml")
    if home.latest_revision_id is None:
        fields = {name: landing["home"][name] for name in ("introduction", "seo_title", "search_description")}
        publish(home, **fields, body=stream(landing["body"], home=home))
        report("Стартовая страница опубликована")
