"""The demo's expert evaluation: the rubrics (rubrics.yaml), and experts with assignments, reviews and a
published score (experts.yaml), through the same services as the admin and the expert desk. Safe to run
again: what exists is left as it is."""

import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import TranslatableMixin

from pages.demo.data import read_data
from pages.demo.loading import Report
from pages.models import HomePage
from residents.demo_accounts import demo_partner
from reviews.models import Assignment, Criterion, Expert, ExpertKind, Review, Rubric
from reviews.selectors import item_key, result_of
from reviews.services import assignment_create, result_publish, review_submit


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


def ensure_expert(spec: dict, *, report: Report) -> Expert:
    user, created = get_user_model().objects.get_or_create(
        username=spec["login"],
        defaults={"email": f"{spec['login']}@localhost", "first_name": spec["first"], "last_name": spec["last"]},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    external = spec["kind"] == ExpertKind.EXTERNAL
    expert, created = Expert.objects.get_or_create(
        user=user,
        defaults={
            "name": spec["name"],
            "position": spec.get("position", ""),
            "kind": spec["kind"],
            "partner": demo_partner() if external else None,
            "name_published": spec.get("name_published", False),
        },
    )
    if created:
        report(f"Эксперт {expert.name} добавлен")
    return expert


def _item(spec: dict):
    """The reviewed page or snippet, in the site's language (its English translation has the same slug)."""
    model = apps.get_model(spec["model"])
    items = model.objects.filter(slug=spec["slug"])
    if issubclass(model, TranslatableMixin):
        items = items.filter(locale__language_code=settings.LANGUAGE_CODE)
    return items.get()


def ensure_assignments(spec: dict, *, experts: dict[str, Expert], report: Report) -> None:
    item = _item(spec["item"])
    rubric = Rubric.objects.get(title=spec["rubric"])
    due_on = timezone.localdate() + datetime.timedelta(days=spec.get("due_in_days", 14))
    criteria = list(rubric.criteria.all())
    for review in spec["reviews"]:
        expert = experts[review["expert"]]
        assignment = Assignment.objects.filter(expert=expert, **item_key(item)).first()
        if assignment is None:
            assignment = assignment_create(item=item, expert=expert, rubric=rubric, by=None, due_on=due_on)
        if review.get("scores") and not Review.objects.filter(assignment=assignment).exists():
            scores = dict(zip([criterion.pk for criterion in criteria], review["scores"], strict=True))
            review_submit(assignment=assignment, user=expert.user, scores=scores, comment=review["comment"])
    if spec.get("publish") and result_of(item) is None:
        result = result_publish(item=item, by=None)
        report(f"Экспертная оценка «{item.title}» опубликована: {result.score:.0f} из 100")


def load_demo(*, home: HomePage, report: Report) -> None:
    for spec in read_data("reviews.demo", "rubrics.yaml")["rubrics"]:
        ensure_rubric(spec, report=report)
    data = read_data("reviews.demo", "experts.yaml")
    experts = {spec["login"]: ensure_expert(spec, report=report) for spec in data["experts"]}
    for spec in data["assignments"]:
        ensure_assignments(spec, experts=experts, report=report)
