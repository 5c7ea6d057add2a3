"""The bank's demo data, read from bank.yaml and solutions.yaml beside this module.

The benchmark generator of solutions draws its texts from `SOLUTIONS`, `STAGE_TITLES` and `TEAM_NAMES`, and
gets subjects, project types and tutors from `bank.demo.loader.ensure_taxonomies` and `ensure_tutors`: keep
these names and shapes. A solution is a tuple whose first eleven fields keep the order the generator
indexes (title 0, summary 1, subjects 2, grades 3, collective 4, year 5, tags 6, problem 7, goal 8,
result 9, tutor 10); `tutor` is a tutor's key, as `ensure_tutors` returns them.
"""

import datetime
from functools import cache
from typing import NamedTuple

from pages.demo.data import read_data


class TeamMember(NamedTuple):
    name: str
    consent: bool


class Solution(NamedTuple):
    title: str
    summary: str
    subjects: list[str]
    grades: tuple[int, int]
    collective: bool
    year: int
    tags: list[str]
    problem: str
    goal: str
    result: str
    tutor: str
    slug: str
    published: datetime.date
    featured: bool
    team: list[TeamMember]
    stages: list[str]
    reuse: str


@cache
def bank_data() -> dict:
    """bank.yaml: the bank page, subjects, project types, tutors, stage titles and the texts of every solution."""
    return read_data("bank.demo", "bank.yaml")


def solutions() -> list[Solution]:
    """The demo's solutions from solutions.yaml, in the order they are published."""
    return [
        Solution(
            **{name: spec[name] for name in Solution._fields if name not in ("grades", "team")},
            grades=tuple(spec["grades"]),
            team=[TeamMember(**member) for member in spec["team"]],
        )
        for spec in read_data("bank.demo", "solutions.yaml")["solutions"]
    ]


SOLUTIONS = solutions()
STAGE_TITLES = bank_data()["stages"]["titles"]
TEAM_NAMES = bank_data()["team_names"]
