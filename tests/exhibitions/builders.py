"""Builders of exhibitions for tests: an index under a home page, exhibitions with halls of exhibits."""

from datetime import timedelta

from django.utils import timezone

from exhibitions.models import Exhibit, ExhibitionHall, ExhibitionIndexPage, ExhibitionPage
from people.models import Person
from tests.factories import make_image


def exhibition_index(home) -> ExhibitionIndexPage:
    index = ExhibitionIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=ExhibitionIndexPage(title="Виртуальные выставки", slug="exhibitions"))
        index.save_revision().publish()
    return index


def make_exhibition(
    home,
    *,
    title: str = "Выставка проектов",
    slug: str | None = None,
    audience: str = "everyone",
    halls: int = 2,
    exhibits: int = 3,
    opens_in_days: int = -10,
    closes_in_days: int | None = 30,
    image=None,
) -> ExhibitionPage:
    """A live exhibition whose exhibits all show `image` (one shared image keeps renditions few)."""
    today = timezone.localdate()
    image = image or make_image("Экспонат")
    curator = Person.objects.create(name="Мария Ивановна Тестова", position="методист")
    number = 0
    hall_rows = []
    for hall_number in range(1, halls + 1):
        rows = []
        for position in range(exhibits):
            number += 1
            rows.append(
                Exhibit(
                    sort_order=position,
                    title=f"Экспонат {number}",
                    authors=f"Автор {number}",
                    authors_consent=True,
                    description=f"<p>Описание экспоната {number}</p>",
                    image=image,
                    image_alt=f"Рисунок к экспонату {number}",
                )
            )
        hall_rows.append(
            ExhibitionHall(sort_order=hall_number, title=f"Зал {hall_number}", description="О зале", exhibits=rows)
        )
    page = ExhibitionPage(
        title=title,
        slug=slug or f"exhibition-{ExhibitionPage.objects.count() + 1}",
        audience=audience,
        introduction="Проекты обучающихся",
        curator=curator,
        opens_on=today + timedelta(days=opens_in_days),
        closes_on=today + timedelta(days=closes_in_days) if closes_in_days is not None else None,
        cover_image=image,
        halls=hall_rows,
    )
    exhibition_index(home).add_child(instance=page)
    page.save_revision().publish()
    return page


def exhibits_of(page: ExhibitionPage) -> list[Exhibit]:
    return list(Exhibit.objects.filter(hall__page=page).order_by("hall__sort_order", "sort_order"))


def exhibit_url(page: ExhibitionPage, exhibit: Exhibit) -> str:
    return page.url + page.reverse_subpage("exhibit", args=[exhibit.pk])
