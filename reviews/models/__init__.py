"""Expert evaluation: rubrics, experts, their assignments and reviews, and the results editors publish."""

from reviews.models.assignments import Assignment, Review, Score
from reviews.models.experts import Expert, ExpertKind, ExpertTie, TieKind
from reviews.models.results import Result
from reviews.models.rubrics import Criterion, Rubric, RubricKind

__all__ = [
    "Assignment",
    "Criterion",
    "Expert",
    "ExpertKind",
    "ExpertTie",
    "Result",
    "Review",
    "Rubric",
    "RubricKind",
    "Score",
    "TieKind",
]
