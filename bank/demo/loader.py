"""The bank's part of the demo: taxonomies, tutors, the bank page and its solutions.

Texts are in bank.yaml and solutions.yaml beside this module, read through `bank.demo.data`.
"""

from bank.demo.data import SOLUTIONS, Solution, bank_data
from bank.models import BankTag, ProjectType, SolutionBankPage, SolutionPage, SubjectArea
from pages.demo.illustrations import scene_for
from pages.demo.images import demo_image
from pages.demo.loading import Report
from pages.demo.publishing import ensure_page
from pages.demo.snippet_translation import ensure_english_snippets
from pages.localized import sources
from pages.models import HomePage
from people.models import Person


def ensure_taxonomies() -> tuple[dict[str, SubjectArea], dict[bool, ProjectType]]:
    """Subject areas by slug and the two project types by whether they are collective."""
    data = bank_data()
    subjects = {
        slug: sources(SubjectArea.objects).get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in data["subjects"].items()
    }
    types = {
        spec["collective"]: sources(ProjectType.objects).get_or_create(
            slug=spec["slug"], defaults={"name": spec["name"], "is_collective": spec["collective"]}
        )[0]
        for spec in data["project_types"]
    }
    return subjects, types


def ensure_tutors() -> dict[str, Person]:
    """The solutions' tutors by their key in bank.yaml."""
    return {
        key: Person.objects.get_or_create(
            name=spec["name"], defaults={"role": spec["role"], "position": spec["position"]}
        )[0]
        for key, spec in bank_data()["tutors"].items()
    }


def ensure_bank(home: HomePage, *, report: Report) -> SolutionBankPage:
    page = SolutionBankPage(**bank_data()["page"], show_in_menus=True)
    return ensure_page(home, page, report=report)[0]


def _stages(solution: Solution) -> list[dict]:
    """What the team did at each stage: its own text, so that no section of the page repeats another."""
    return [
        {"type": "stage", "value": {"title": title, "text": text}}
        for title, text in zip(bank_data()["stages"]["titles"], solution.stages, strict=True)
    ]


def build_solution(solution: Solution, *, subjects, types, tutors) -> SolutionPage:
    page = SolutionPage(
        title=solution.title,
        slug=solution.slug,
        summary=solution.summary,
        problem=solution.problem,
        goal=solution.goal,
        result=solution.result,
        reuse=solution.reuse,
        stages=_stages(solution),
        grade_from=solution.grades[0],
        grade_to=solution.grades[1],
        project_type=types[solution.collective],
        academic_year=solution.year,
        published_date=solution.published,
        tutor=tutors[solution.tutor],
        featured=solution.featured,
        live=False,
    )
    page.subjects = [subjects[slug] for slug in solution.subjects]
    page.tags.add(*solution.tags)
    for member in solution.team:
        page.team.add(page.team.model(display_name=member.name, consent=member.consent))
    return page


def ensure_solutions(bank: SolutionBankPage, *, report: Report, covers: bool = True) -> None:
    """The demo's solutions missing from `bank`, published; `covers` draws their cover pictures."""
    subjects, types = ensure_taxonomies()
    tutors = ensure_tutors()
    existing = set(bank.get_children().values_list("slug", flat=True))
    created = 0
    for solution in SOLUTIONS:
        if solution.slug in existing:
            continue
        page = build_solution(solution, subjects=subjects, types=types, tutors=tutors)
        if covers:
            title = bank_data()["cover"].format(title=solution.title)
            page.cover = demo_image(title=title, width=800, height=450, scene=scene_for(solution.subjects))
        bank.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    if created:
        report(f"Банк решений: опубликовано решений — {created}")


def load_demo(*, home: HomePage, report: Report) -> None:
    ensure_solutions(ensure_bank(home, report=report), report=report)
    subjects, types = ensure_taxonomies()
    tags = sources(BankTag.objects.filter(name__in={tag for solution in SOLUTIONS for tag in solution.tags}))
    snippets = [*subjects.values(), *types.values(), *tags, *ensure_tutors().values()]
    ensure_english_snippets(snippets, package="bank.demo", report=report)
