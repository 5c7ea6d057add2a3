"""The rubrics of the demo, from rubrics.yaml beside this module. Experts are enlisted by editors, not the demo."""

from pages.demo.data import read_data
from pages.demo.loading import Report
from pages.models import HomePage
from reviews.models import Criterion, Rubric


def ensure_rubric(spec: dict, *, report: Report) -> Rubric:
    existing = Rubric.objects.filter(title=spec["title"]).first()
    if existing:
        return existing
    rubric = Rubric(
        title=spec["title"],
        kind=spec["kind"],
        description=spec.get("description", ""),
        disagreement_threshold=spec.get("disagreement_threshold", 20),
    )
    rubric.criteria = [
        Criterion(
            name=criterion["name"],
            description=criterion.get("description", ""),
            scale_min=criterion.get("scale_min", 0),
            scale_max=criterion["scale_max"],
            weight=criterion.get("weight", 1),
        )
        for criterion in spec["criteria"]
    ]
    rubric.save()
    report(f"Рубрика «{rubric.title}» создана")
    return rubric


def load_demo(*, home: HomePage, report: Report) -> None:
    for spec in read_data("reviews.demo", "rubrics.yaml")["rubrics"]:
        ensure_rubric(spec, report=report)
