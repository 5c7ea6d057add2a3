"""The whole demo is built above the areas, each area from its own data files, by one kind of loader."""

import inspect
from importlib.resources import files

import pytest
from django.core.management import CommandError, call_command

from bank.demo.data import SOLUTIONS
from bank.models import SolutionPage
from demo.loader import AREAS
from events.models import Event
from exhibitions.models import ExhibitionPage
from meetings.models import MeetingRoom
from pages.demo import loader as pages_loader
from pages.demo.data import DemoDataError, read_data
from pages.models import HomePage, RoadmapPage, StandardPage
from support.models import MaterialPage

RUSSIAN = {"locale__language_code": "ru"}  # the demo's own rows; each has its English translation
DATA_PACKAGES = ["pages.demo", "support.demo", "events.demo", "exhibitions.demo", "meetings.demo", "bank.demo"]


def test_every_area_loader_is_load_demo_with_home_and_report_by_keyword():
    for _name, load in AREAS:
        assert load.__name__ == "load_demo", load.__module__
        parameters = inspect.signature(load).parameters.values()
        assert [(p.name, p.kind) for p in parameters] == [
            ("home", inspect.Parameter.KEYWORD_ONLY),
            ("report", inspect.Parameter.KEYWORD_ONLY),
        ], load.__module__


@pytest.mark.parametrize("package", DATA_PACKAGES)
def test_every_areas_data_files_load(package):
    names = [item.name for item in files(package).iterdir() if item.name.endswith(".yaml")]
    assert names, package
    for name in names:
        data = read_data(package, name)
        assert isinstance(data, dict) and data, name


@pytest.mark.django_db
def test_the_demos_pages_and_snippets_are_those_of_the_data_files(home, client):
    for spec in read_data("pages.demo", "standard.yaml")["pages"]:
        assert StandardPage.objects.child_of(home).get(slug=spec["slug"]).title == spec["title"]
    assert (
        RoadmapPage.objects.get(locale__language_code="ru").title
        == read_data("pages.demo", "roadmap.yaml")["page"]["title"]
    )
    hero = read_data("pages.demo", "landing.yaml")["body"][0]["value"]
    assert hero["title"] in client.get("/").content.decode()
    assert MaterialPage.objects.filter(locale__language_code="ru").count() == len(
        read_data("support.demo", "materials.yaml")["materials"]
    )
    events = read_data("events.demo", "events.yaml")["events"]
    assert sorted(Event.objects.filter(**RUSSIAN).values_list("title", flat=True)) == sorted(
        spec["title"] for spec in events
    )
    exhibitions = read_data("exhibitions.demo", "exhibitions.yaml")["exhibitions"]
    assert {page.title for page in ExhibitionPage.objects.filter(locale__language_code="ru")} == {
        spec["title"] for spec in exhibitions
    }
    rooms = read_data("meetings.demo", "rooms.yaml")["rooms"]
    assert set(MeetingRoom.objects.filter(**RUSSIAN).values_list("name", flat=True)) == {spec["name"] for spec in rooms}
    assert [page.title for page in SolutionPage.objects.filter(locale__language_code="ru").order_by("path")] == [
        s.title for s in SOLUTIONS
    ]


@pytest.mark.django_db
def test_an_edited_data_file_changes_the_built_page(empty_home, monkeypatch):
    def edited(package, name):
        data = read_data(package, name)
        if name == "standard.yaml":
            data["pages"][0]["title"] = "Модель коворкинга (правка методиста)"
        return data

    monkeypatch.setattr(pages_loader, "read_data", edited)
    pages_loader.load_demo(home=empty_home, report=lambda line: None)
    assert (
        StandardPage.objects.get(slug="model", locale__language_code="ru").title
        == "Модель коворкинга (правка методиста)"
    )


@pytest.mark.django_db
def test_a_mistake_in_a_data_file_stops_the_command_with_its_message(monkeypatch):
    def broken(*, home: HomePage, report) -> None:
        raise DemoDataError("Нет страницы «support/nowhere» под стартовой страницей")

    monkeypatch.setattr("demo.loader.AREAS", [("Сломанная область", broken)])
    with pytest.raises(CommandError, match="support/nowhere"):
        call_command("load_demo", stdout=None)
    assert not HomePage.objects.exists(), "nothing is kept of a demo that failed"
