"""Facet values packed into one integer each, so that one pass over a solution's keys counts every facet.

A key is `(position of the facet + 1) * SPAN + value`: subject 7 is 100000007, grade 9 is 200000009,
year 2023 is 300002023. Values (ids, grades, years) stay below SPAN.
"""

FACETS = ("subject", "grade", "year", "type", "tag")
SPAN = 100_000_000


def facet_key(facet: str, value: int) -> int:
    return (FACETS.index(facet) + 1) * SPAN + int(value)


def split_key(key: int) -> tuple[str, int]:
    position, value = divmod(key, SPAN)
    return FACETS[position - 1], value


def solution_keys(*, subjects, grade_from, grade_to, year, project_type_id, tags) -> list[int]:
    """Every facet key of one solution."""
    grades = range(grade_from, grade_to + 1) if grade_from and grade_to else ()
    return [
        *(facet_key("subject", pk) for pk in subjects),
        *(facet_key("grade", grade) for grade in grades),
        *([facet_key("year", year)] if year else []),
        *([facet_key("type", project_type_id)] if project_type_id else []),
        *(facet_key("tag", pk) for pk in tags),
    ]
