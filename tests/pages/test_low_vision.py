"""The version for visually impaired readers after ГОСТ Р 52872: a panel of choices (font size, colour
scheme, images, letter spacing) sent by a plain GET form, kept in the `low_vision` cookie whose value alone
decides how pages look."""

import pytest
from bs4 import BeautifulSoup

from pages.accessibility import LOW_VISION_COOKIE

pytestmark = pytest.mark.django_db


def html_classes(client, url="/") -> list[str]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return soup.html.get("class", [])


def test_the_switch_turns_the_version_on_with_the_defaults_and_shows_the_panel(client, home):
    response = client.get("/low-vision/on/", {"next": "/regulations/"})
    assert response["Location"] == "/regulations/"
    assert response.cookies[LOW_VISION_COOKIE].value == "large-bw-off-normal"
    soup = BeautifulSoup(client.get("/regulations/").content, "html.parser")
    assert {"low-vision", "lv-size-large", "lv-scheme-bw", "lv-images-off"} <= set(soup.html["class"])
    panel = soup.select_one("details.lv-panel form")
    assert panel["method"] == "get" and panel["action"] == "/low-vision/choose/"
    legends = [legend.get_text(strip=True) for legend in panel.select("legend")]
    assert legends == ["Размер шрифта", "Цвет", "Изображения", "Межбуквенный интервал"]
    assert panel.select_one('input[name="size"][value="large"]').has_attr("checked")
    assert panel.select_one('input[name="next"]')["value"] == "/regulations/"
    assert not soup.select("main img")


def test_the_panel_s_choices_are_kept_across_pages(client, home):
    client.get("/low-vision/on/")
    response = client.get(
        "/low-vision/choose/",
        {"size": "xlarge", "scheme": "blue", "images": "on", "spacing": "wider", "next": "/roadmap/"},
    )
    assert response.status_code == 302 and response["Location"] == "/roadmap/"
    assert response.cookies[LOW_VISION_COOKIE].value == "xlarge-blue-on-wider"
    for url in ["/", "/regulations/", "/bank/"]:
        classes = set(html_classes(client, url))
        assert {"lv-size-xlarge", "lv-scheme-blue", "lv-images-on", "lv-spacing-wider"} <= classes, url
    assert "<img" in client.get("/").text, "images are shown when the reader wants them"


def test_a_choice_that_is_not_offered_changes_nothing(client, home):
    client.get("/low-vision/choose/", {"size": "xlarge"})
    response = client.get("/low-vision/choose/", {"size": "huge", "scheme": "bw"})
    assert response.status_code == 400
    assert "Такой настройки версии для слабовидящих нет" in response.content.decode()
    assert LOW_VISION_COOKIE not in response.cookies
    assert "lv-size-xlarge" in html_classes(client)


def test_the_first_switch_s_cookie_still_reads_as_the_defaults(client, home):
    client.cookies[LOW_VISION_COOKIE] = "1"
    assert {"low-vision", "lv-size-large", "lv-scheme-bw", "lv-images-off"} <= set(html_classes(client))
    client.cookies[LOW_VISION_COOKIE] = "garbage"
    assert "low-vision" not in html_classes(client)


def test_the_switch_off_forgets_the_choice(client, home):
    client.get("/low-vision/choose/", {"size": "xlarge", "next": "/"})
    response = client.get("/low-vision/off/", {"next": "/"})
    assert response.cookies[LOW_VISION_COOKIE].value == ""
    assert "low-vision" not in html_classes(client)
