"""The demo's expert evaluation: an internal expert and a partner's representative, their assignments, and a
published score on a solution's page (reviews/demo/experts.yaml)."""

import pytest

from bank.models import SolutionPage
from reviews.models import Expert, ExpertKind
from reviews.selectors import aggregate_of_item, assignments_of_expert, result_of

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_internal_and_an_external_expert(home):
    internal = Expert.objects.get(user__username="demo-expert-smirnova")
    external = Expert.objects.get(user__username="demo-expert-volkov")
    assert internal.kind == ExpertKind.INTERNAL and internal.partner is None
    assert external.kind == ExpertKind.EXTERNAL and external.partner.name.startswith("АНО")
    assert not internal.user.has_usable_password()


def test_the_demo_publishes_one_score_and_keeps_one_waiting(client, home):
    greenhouse = SolutionPage.objects.filter(locale__language_code="ru").get(slug="solution-1")
    result = result_of(greenhouse)
    assert result.expert_count == 2 and result.expert_names == ["Елена Викторовна Смирнова"]
    page = client.get(greenhouse.url).content.decode()
    assert "Экспертная оценка" in page and "Оценили 2 эксперта: Елена Викторовна Смирнова." in page
    assert "Сергей Петрович Волков" not in page  # no consent to publish the name
    quest = SolutionPage.objects.filter(locale__language_code="ru").get(slug="solution-2")
    assert result_of(quest) is None
    assert (aggregate_of_item(quest).submitted, aggregate_of_item(quest).assigned) == (1, 2)
    volkov = Expert.objects.get(user__username="demo-expert-volkov").user
    waiting = [a for a in assignments_of_expert(user=volkov) if not hasattr(a, "review")]
    assert [a.object_id for a in waiting] == [quest.pk]
