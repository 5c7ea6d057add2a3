"""Small builders of support content under a home page, shared by the tests and the access channels."""

import uuid

from support.models import (
    MaterialPage,
    MaterialsLibraryPage,
    ProgrammePage,
    RestRoomPage,
    SupportIndexPage,
    SupportSectionPage,
    SupportTopic,
)


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def support_index(home, *, audience: str = "everyone") -> SupportIndexPage:
    existing = SupportIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    return _publish(home, SupportIndexPage(title="Сопровождение", slug="support", audience=audience))


def module(title: str, hours: int, *, materials=(), module_id: str | None = None) -> dict:
    return {
        "type": "module",
        "id": module_id or str(uuid.uuid4()),
        "value": {
            "title": title,
            "hours": hours,
            "topics": [f"Тема модуля «{title}»"],
            "outcomes": [],
            "materials": [page.pk for page in materials],
        },
    }


def programme(home, *, title: str = "Программа для педагогов", audience: str = "residents", modules=None, **fields):
    modules = modules or [module("Введение", 4), module("Практика", 8)]
    fields.setdefault("total_hours", sum(item["value"]["hours"] for item in modules))
    fields.setdefault("target_group", "teachers")
    fields.setdefault("goal", "Научиться сопровождать проекты обучающихся.")
    page = ProgrammePage(
        title=title,
        slug=f"programme-{uuid.uuid4().hex[:8]}",
        audience=audience,
        modules=modules,
        **fields,
    )
    return _publish(support_index(home), page)


def library(home, *, audience: str = "residents") -> MaterialsLibraryPage:
    index = support_index(home)
    existing = MaterialsLibraryPage.objects.child_of(index).first()
    if existing:
        return existing
    return _publish(index, MaterialsLibraryPage(title="Библиотека материалов", slug="materials", audience=audience))


def topic(slug: str = "project", name: str = "Индивидуальный проект") -> SupportTopic:
    return SupportTopic.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def material(home, *, title: str = "Чек-лист защиты проекта", audience: str = "residents", topics=(), **fields):
    fields.setdefault("kind", "checklist")
    fields.setdefault("for_teachers", True)
    page = MaterialPage(
        title=title,
        slug=f"material-{uuid.uuid4().hex[:8]}",
        audience=audience,
        introduction=f"Кратко: {title}",
        **fields,
    )
    page = _publish(library(home), page)
    if topics:
        page.topics.set(topics)
        page.save_revision().publish()
    return page


def section(home, *, target_group: str = "parents", audience: str = "everyone") -> SupportSectionPage:
    page = SupportSectionPage(
        title="Родителям", slug=f"section-{uuid.uuid4().hex[:8]}", target_group=target_group, audience=audience
    )
    return _publish(support_index(home), page)


def rest_room(home, *, audience: str = "internal") -> RestRoomPage:
    page = RestRoomPage(
        title="Виртуальная комната отдыха",
        slug=f"rest-room-{uuid.uuid4().hex[:8]}",
        audience=audience,
        help_contacts=[
            {
                "type": "contact",
                "value": {"title": "Детский телефон доверия", "phone": "8-800-2000-122", "hours": "", "text": ""},
            }
        ],
    )
    return _publish(home, page)
