"""Every channel through which support content leaves the server, for the access matrix.

Each `make_item(home, audience)` builds one live item with that audience under the home page (the
doors around it — support index, library, parents' section — are open to everyone, so the item's own
audience decides); each `sees(client, item)` answers whether the client's user is shown it.
"""

from django.test import Client

from support.models import ProgrammePage, SupportSectionPage
from tests.access.channels import Channel
from tests.support import builders


def _html(client: Client, url: str, params=None) -> str:
    response = client.get(url, params or {})
    return response.content.decode() if response.status_code == 200 else ""


def _json(client: Client, url: str, params=None):
    response = client.get(url, params or {})
    return response.json() if response.status_code == 200 else None


def _programme(home, audience):
    builders.support_index(home)
    material = builders.material(home, title="Материал модуля", audience="everyone")
    return builders.programme(
        home,
        title=f"Программа ({audience})",
        audience=audience,
        target_group="parents",
        modules=[builders.module("Введение", 4, materials=[material])],
    )


def _material(home, audience):
    builders.library(home, audience="everyone")
    return builders.material(
        home,
        title=f"Материал ({audience})",
        audience=audience,
        body=[{"type": "paragraph", "value": "<p>Слово для поиска: тьюторство.</p>"}],
    )


def _module_material(home, audience):
    material = _material(home, audience)
    modules = [builders.module("М", 2, materials=[material])]
    builders.programme(home, title=f"Открытая программа {material.pk}", audience="everyone", modules=modules)
    return material


def _rest_room(home, audience):
    return builders.rest_room(home, audience=audience)


def _sees_page(client, item) -> bool:
    return f"<h1>{item.title}</h1>" in _html(client, item.url)


def _listed_in(url_of):
    def sees(client, item) -> bool:
        return f">{item.title}</a>" in _html(client, url_of(item))

    return sees


def _in_programme_html(client, material) -> bool:
    programme = ProgrammePage.objects.get(title=f"Открытая программа {material.pk}")
    return f">{material.title}</a>" in _html(client, programme.url)


def _in_library_search(client, material) -> bool:
    return f">{material.title}</a>" in _html(client, material.get_parent().url, {"q": "тьюторство"})


def _v2_listing(page_type: str):
    def sees(client, item) -> bool:
        data = _json(client, "/api/v2/pages/", {"type": page_type, "limit": 100})
        return bool(data) and item.pk in {entry["id"] for entry in data["items"]}

    return sees


def _v3_list(path: str, params=None):
    def sees(client, item) -> bool:
        data = _json(client, path, {**(params or {}), "limit": 100})
        return bool(data) and item.pk in {entry["id"] for entry in data["items"]}

    return sees


def _v3_detail(path: str):
    def sees(client, item) -> bool:
        data = _json(client, f"{path}{item.pk}/")
        return bool(data) and data["id"] == item.pk

    return sees


def _v3_module_materials(client, material) -> bool:
    programme = ProgrammePage.objects.get(title=f"Открытая программа {material.pk}")
    data = _json(client, f"/api/v3/support/programmes/{programme.pk}/")
    return bool(data) and material.pk in data["modules"][0]["material_ids"]


def _progress_api(client, programme) -> bool:
    data = _json(client, "/api/v3/support/progress/", {"limit": 100})
    return bool(data) and programme.pk in {entry["programme_id"] for entry in data["items"]}


def _section_listing(client, programme) -> bool:
    section = SupportSectionPage.objects.first() or builders.section(programme.get_parent().get_parent())
    return f">{programme.title}</a>" in _html(client, section.url)


CHANNELS = [
    Channel("support programme HTML", _programme, _sees_page),
    Channel("support material HTML", _material, _sees_page),
    Channel("rest room HTML", _rest_room, _sees_page),
    Channel("support index programmes listing", _programme, _listed_in(lambda item: item.get_parent().url)),
    Channel("parents' section programmes listing", _programme, _section_listing),
    Channel("materials library listing", _material, _listed_in(lambda item: item.get_parent().url)),
    Channel("materials library search", _material, _in_library_search),
    Channel("programme module materials HTML", _module_material, _in_programme_html),
    Channel("API v2 pages listing (programmes)", _programme, _v2_listing("support.ProgrammePage")),
    Channel("API v2 pages listing (materials)", _material, _v2_listing("support.MaterialPage")),
    Channel("API v2 pages listing (rest room)", _rest_room, _v2_listing("support.RestRoomPage")),
    Channel("API v3 support programmes list", _programme, _v3_list("/api/v3/support/programmes/")),
    Channel("API v3 support programme detail", _programme, _v3_detail("/api/v3/support/programmes/")),
    Channel("API v3 support materials list", _material, _v3_list("/api/v3/support/materials/")),
    Channel("API v3 support materials search", _material, _v3_list("/api/v3/support/materials/", {"q": "тьюторство"})),
    Channel("API v3 support material detail", _material, _v3_detail("/api/v3/support/materials/")),
    Channel("API v3 programme module materials", _module_material, _v3_module_materials),
    Channel("API v3 support progress", _programme, _progress_api, signed_in_only=True),
]
