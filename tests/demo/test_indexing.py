"""While the demo is built, search and reference indexing wait; then each object is indexed once."""

import pytest
from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry

from demo.indexing import indexing_at_the_end
from pages.models import StandardPage

pytestmark = pytest.mark.django_db


def indexed(page) -> bool:
    return IndexEntry.objects.filter(object_id=str(page.pk), content_type__model="standardpage").exists()


def test_pages_saved_inside_are_indexed_once_at_the_end(empty_home):
    lines = []
    with indexing_at_the_end(report=lines.append):
        target = empty_home.add_child(instance=StandardPage(title="Положение о коворкинге", slug="regulations"))
        link = {"label": "Читать", "page": target.pk}
        body = [{"type": "call_to_action", "value": {"title": "Положение", "link": link}}]
        page = empty_home.add_child(instance=StandardPage(title="Совет коворкинга", slug="council", body=body))
        page.save_revision().publish()
        assert not indexed(page)
        assert not ReferenceIndex.get_references_to(target).exists()
    assert indexed(page) and indexed(target)
    assert ReferenceIndex.get_references_to(target).filter(object_id=str(page.pk)).exists()
    assert len(lines) == 1 and "проиндексировано объектов — 2" in lines[0]


def test_after_the_block_saves_are_indexed_at_once_again(empty_home):
    with indexing_at_the_end(report=lambda line: None):
        pass
    page = empty_home.add_child(instance=StandardPage(title="Дорожная карта", slug="roadmap"))
    assert indexed(page)


def test_nothing_is_indexed_when_the_block_fails(empty_home):
    with pytest.raises(RuntimeError), indexing_at_the_end(report=lambda line: None):
        page = empty_home.add_child(instance=StandardPage(title="Модель", slug="model"))
        raise RuntimeError("the demo stopped")
    assert not indexed(page)
    later = empty_home.add_child(instance=StandardPage(title="Модель коворкинга", slug="model-2"))
    assert indexed(later)
