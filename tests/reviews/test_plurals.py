"""Counts in Russian take the plural form the number asks for: 1 эксперт, 2 эксперта, 5 экспертов, 21 эксперт."""

import pytest
from django.template import Context, Template
from django.utils import translation

from reviews.models import Result


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "Оценил 1 эксперт"),
        (2, "Оценили 2 эксперта"),
        (4, "Оценили 4 эксперта"),
        (5, "Оценили 5 экспертов"),
        (11, "Оценили 11 экспертов"),
        (21, "Оценил 21 эксперт"),
        (22, "Оценили 22 эксперта"),
    ],
)
def test_the_published_score_counts_experts_in_russian(count, text):
    result = Result(score=80, spread=0, expert_count=count, expert_names=[])
    with translation.override("ru"):
        html = Template("{% include 'reviews/includes/result.html' %}").render(Context({"result": result}))
    assert f"{text}." in html


def test_the_english_interface_has_its_own_forms():
    result = Result(score=80, spread=0, expert_count=2, expert_names=[])
    with translation.override("en"):
        html = Template("{% include 'reviews/includes/result.html' %}").render(Context({"result": result}))
    assert "Reviewed by 2 experts." in html
