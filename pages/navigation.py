"""The main menu's groups: a few short items by audience, each holding the sections of the site it names.

A section goes to the group of its page type; a type no group names goes to «О коворкинге». A group with
one section is a plain link, with several a disclosure (`<details>`) listing them, which works without
JavaScript. Sections marked "show in menus" are listed, and those of a group with `always` even when not
(meeting rooms and the rest room, which the access rule shows to residents only).
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


@dataclass(frozen=True)
class MenuGroup:
    key: str
    label: str | Promise
    models: tuple[str, ...]
    always: bool = False


@dataclass
class MenuItem:
    key: str
    label: str | Promise
    pages: list[Page] = field(default_factory=list)
    current: bool = False


ABOUT = "about"
MENU_GROUPS = (
    MenuGroup(ABOUT, _("О коворкинге"), ("pages.standardpage", "pages.roadmappage")),
    MenuGroup("events", _("События"), ("events.eventindexpage", "events.eventgeneratorpage")),
    MenuGroup("exhibitions", _("Выставки"), ("exhibitions.exhibitionindexpage",)),
    MenuGroup("bank", _("Банк решений"), ("bank.solutionbankpage",)),
    MenuGroup("support", _("Сопровождение"), ("support.supportindexpage",)),
    MenuGroup("residents", _("Резидентам"), ("meetings.meetingroomspage", "support.restroompage"), always=True),
)
_GROUP_OF_MODEL = {model: group for group in MENU_GROUPS for model in group.models}


def _model_label(page: Page) -> str:
    model = page.specific_class  # read from Django's content type cache: no query per page
    return model._meta.label_lower if model else ""


def menu_groups(sections: list[Page], *, current_path: str = "") -> list[MenuItem]:
    """The main menu from the sections a visitor may open (in tree order), without empty groups."""
    items = {group.key: MenuItem(group.key, group.label) for group in MENU_GROUPS}
    for page in sections:
        group = _GROUP_OF_MODEL.get(_model_label(page))
        if group is None:
            group = MENU_GROUPS[0]
        if not (page.show_in_menus or group.always):
            continue
        item = items[group.key]
        item.pages.append(page)
        if current_path.startswith(page.path):
            item.current = True
    return [item for item in items.values() if item.pages]
