"""The bank's part of the demo: taxonomies, tutors, the bank page and its solutions. Safe to run again."""

import datetime
from collections.abc import Callable

from django.utils.text import slugify

from bank.demo.data import PROJECT_TYPES, SOLUTIONS, STAGE_TITLES, SUBJECTS, TEAM_NAMES, TUTORS
from bank.models import ProjectType, SolutionBankPage, SolutionPage, SubjectArea
from pages.demo.images import demo_image
from people.models import Person

Report = Callable[[str], None]

BANK = {
    "title": "Открытый банк проектных решений",
    "slug": "bank",
    "introduction": (
        "Проекты обучающихся лицея: проблема, цель, что сделано и как использовать результат повторно. "
        "Ищите по любым формам слов, уточняйте по предмету, классу, году и типу проекта."
    ),
}


def ensure_taxonomies() -> tuple[dict[str, SubjectArea], dict[bool, ProjectType]]:
    subjects = {
        slug: SubjectArea.objects.get_or_create(slug=slug, defaults={"name": name})[0] for slug, name in SUBJECTS
    }
    types = {
        collective: ProjectType.objects.get_or_create(slug=slug, defaults={"name": name, "is_collective": collective})[
            0
        ]
        for slug, name, collective in PROJECT_TYPES
    }
    return subjects, types


def ensure_tutors() -> list[Person]:
    return [
        Person.objects.get_or_create(name=name, defaults={"role": role, "position": position})[0]
        for name, role, position in TUTORS
    ]


def ensure_bank(home, *, report: Report) -> SolutionBankPage:
    existing = SolutionBankPage.objects.child_of(home).first()
    if existing:
        return existing
    bank = home.add_child(
        instance=SolutionBankPage(
            title=BANK["title"], slug=BANK["slug"], introduction=BANK["introduction"], show_in_menus=True, live=False
        )
    )
    bank.save_revision().publish()
    report(f"Страница «{bank.title}» создана")
    return bank


def _stages(problem: str, goal: str, result: str) -> list[dict]:
    texts = [problem, goal, "Собрали материалы, сделали первый вариант и проверили его вместе с наставником.", result]
    return [
        {"type": "stage", "value": {"title": title, "text": text}}
        for title, text in zip(STAGE_TITLES, texts, strict=True)
    ]


def build_solution(number: int, spec: tuple, *, subjects, types, tutors) -> SolutionPage:
    title, summary, subject_slugs, grades, collective, year, tags, problem, goal, result, tutor = spec
    solution = SolutionPage(
        title=title,
        slug=slugify(f"solution-{number + 1}"),
        summary=summary,
        problem=problem,
        goal=goal,
        result=result,
        reuse=f"Материалы проекта «{title}» можно взять за основу: повторите этапы и адаптируйте под свой класс.",
        stages=_stages(problem, goal, result),
        grade_from=grades[0],
        grade_to=grades[1],
        project_type=types[collective],
        academic_year=year,
        published_date=datetime.date(year + 1, 1 + number % 5, 1 + number % 27),
        tutor=tutors[tutor],
        featured=number < 3,
        live=False,
    )
    solution.subjects = [subjects[slug] for slug in subject_slugs]
    solution.tags.add(*tags)
    size = 3 if collective else 1
    for index in range(size):
        name = TEAM_NAMES[(number + index) % len(TEAM_NAMES)]
        # The last member of a team gave no consent: the demo shows that such a name never appears.
        solution.team.add(solution.team.model(display_name=name, consent=not (collective and index == size - 1)))
    return solution


def load_bank_demo(home, *, report: Report = print, covers: bool = True) -> SolutionBankPage:
    subjects, types = ensure_taxonomies()
    tutors = ensure_tutors()
    bank = ensure_bank(home, report=report)
    existing = set(SolutionPage.objects.child_of(bank).values_list("slug", flat=True))
    created = 0
    for number, spec in enumerate(SOLUTIONS):
        solution = build_solution(number, spec, subjects=subjects, types=types, tutors=tutors)
        if solution.slug in existing:
            continue
        if covers:
            solution.cover = demo_image(title=f"Обложка: {solution.title}", width=800, height=450)
        bank.add_child(instance=solution)
        solution.save_revision().publish()
        created += 1
    if created:
        report(f"Банк решений: опубликовано решений — {created}")
    return bank
