"""Assigning experts, sending reviews and publishing results: the rules, and that a refusal writes nothing."""

import pytest

from residents.models import Membership, Tier
from reviews.models import Assignment, Result, Review, RubricKind, Score
from reviews.selectors import aggregate_of_item, reviews_shown_to
from reviews.services import ReviewError, assignment_create, result_publish, review_submit
from tests.access.users import internal
from tests.reviews.conftest import (
    COMMENT,
    add_team_student,
    make_expert,
    make_rubric,
    make_tutor,
    scores_for,
    submit,
    tie,
)

pytestmark = pytest.mark.django_db


def refused(code: str, call, *args, **kwargs) -> ReviewError:
    with pytest.raises(ReviewError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code
    return caught.value


class TestAssigning:
    def test_an_editor_assigns_an_expert_to_a_solution(self, solution, rubric, editor):
        assignment = assignment_create(item=solution, expert=make_expert(), rubric=rubric, by=editor)
        assert assignment.item == solution
        assert assignment.content_type.model_class().__name__ == "SolutionPage"

    def test_a_page_held_as_a_plain_page_is_assigned_by_its_own_type(self, solution, rubric, editor):
        assignment = assignment_create(item=solution.page_ptr, expert=make_expert(), rubric=rubric, by=editor)
        assert assignment.content_type.model_class().__name__ == "SolutionPage"

    def test_the_solutions_tutor_is_refused_with_the_reason(self, solution, rubric, editor):
        expert = make_expert()
        make_tutor(solution, expert.user)
        error = refused("conflict", assignment_create, item=solution, expert=expert, rubric=rubric, by=editor)
        assert "конфликт интересов" in error.message and "наставником" in error.message
        assert not Assignment.objects.exists()

    def test_a_parent_of_a_team_member_is_refused(self, solution, rubric, editor):
        child = internal("child-of-expert")
        add_team_student(solution, child)
        expert = make_expert()
        tie(expert, child)
        error = refused("conflict", assignment_create, item=solution, expert=expert, rubric=rubric, by=editor)
        assert error.message.endswith("В команде этой работы — ребёнок эксперта.")

    def test_a_team_member_cannot_review_their_own_work(self, solution, rubric, editor):
        expert = make_expert()
        Membership.objects.create(user=expert.user, tier=Tier.INTERNAL, role="student")
        add_team_student(solution, expert.user)
        error = refused("conflict", assignment_create, item=solution, expert=expert, rubric=rubric, by=editor)
        assert "участник команды" in error.message

    def test_an_expert_with_a_child_in_another_team_is_assigned(self, solution, rubric, editor):
        expert = make_expert()
        tie(expert, internal("another-child"))
        add_team_student(solution, internal("team-student"))
        assert assignment_create(item=solution, expert=expert, rubric=rubric, by=editor)

    def test_a_rubric_for_another_kind_of_item_is_refused(self, solution, editor):
        rubric = make_rubric(RubricKind.EXHIBITION)
        refused("rubric", assignment_create, item=solution, expert=make_expert(), rubric=rubric, by=editor)

    def test_all_experts_of_an_item_use_one_rubric(self, two_assignments, solution, editor):
        refused("rubric", assignment_create, item=solution, expert=make_expert(), rubric=make_rubric(), by=editor)

    def test_the_same_expert_twice_is_refused(self, two_assignments, solution, rubric, editor):
        expert = two_assignments[0].expert
        refused("duplicate", assignment_create, item=solution, expert=expert, rubric=rubric, by=editor)
        assert Assignment.objects.count() == 2

    def test_an_item_experts_do_not_review_is_refused(self, bank, rubric, editor):
        refused("kind", assignment_create, item=bank, expert=make_expert(), rubric=rubric, by=editor)


class TestReviewing:
    def test_the_weighted_total_is_out_of_100(self, two_assignments):
        review = submit(two_assignments[0], 5, 0)  # weights 3 and 1: 3/4 of the maximum
        assert review.score == 75.0
        assert [s.value for s in review.scores.all()] == [5, 0]

    @pytest.mark.parametrize(
        ("values", "code"),
        [((6, 1), "out_of_scale"), ((-1, 1), "out_of_scale"), ((3,), "missing")],
    )
    def test_scores_outside_the_scale_or_missing_write_nothing(self, two_assignments, values, code):
        assignment = two_assignments[0]
        criteria = [c.pk for c in assignment.rubric.criteria.all()]
        scores = dict(zip(criteria, values, strict=False))
        error = refused(
            code, review_submit, assignment=assignment, user=assignment.expert.user, scores=scores, comment=COMMENT
        )
        assert error.field.startswith("scores.")
        assert not Review.objects.exists() and not Score.objects.exists()

    def test_a_criterion_of_another_rubric_is_refused(self, two_assignments):
        assignment = two_assignments[0]
        scores = {**scores_for(assignment.rubric, 3, 3), 999999: 3}
        refused(
            "criterion",
            review_submit,
            assignment=assignment,
            user=assignment.expert.user,
            scores=scores,
            comment=COMMENT,
        )

    @pytest.mark.parametrize(("comment", "code"), [("", "required"), ("   ", "required"), ("я" * 3001, "too_long")])
    def test_an_empty_or_oversized_comment_writes_nothing(self, two_assignments, comment, code):
        error = refused(code, submit, two_assignments[0], 3, 3, comment=comment)
        assert error.field == "comment"
        assert not Review.objects.exists()

    def test_another_experts_assignment_is_refused(self, two_assignments):
        first, second = two_assignments
        error = refused(
            "not_assigned",
            review_submit,
            assignment=first,
            user=second.expert.user,
            scores=scores_for(first.rubric, 3, 3),
            comment=COMMENT,
        )
        assert error.message == "Эта работа не назначена вам на экспертизу."

    def test_a_second_review_is_refused_and_the_first_kept(self, two_assignments):
        submit(two_assignments[0], 5, 5)
        refused("submitted", submit, two_assignments[0], 1, 1)
        assert Review.objects.get().score == 100.0


class TestBlindReviews:
    def test_an_expert_sees_no_other_review_until_all_are_in(self, two_assignments):
        first, second = two_assignments
        submit(first, 5, 5)
        assert reviews_shown_to(assignment=first, user=first.expert.user) == []
        submit(second, 1, 1)
        first.refresh_from_db()
        assert [r.score for r in reviews_shown_to(assignment=first, user=first.expert.user)] == [20.0]


class TestAggregationAndPublishing:
    def test_the_score_is_the_mean_and_the_spread_flags_disagreement(self, two_assignments, solution):
        submit(two_assignments[0], 5, 5)  # 100
        submit(two_assignments[1], 3, 1)  # (3*3/5 + 1/5) / 4 * 100 = 50
        aggregate = aggregate_of_item(solution)
        assert (aggregate.score, aggregate.spread, aggregate.disagreement) == (75.0, 50.0, True)

    def test_close_scores_are_not_a_disagreement(self, two_assignments, solution):
        submit(two_assignments[0], 5, 5)
        submit(two_assignments[1], 4, 5)
        aggregate = aggregate_of_item(solution)
        assert aggregate.spread == 15.0 and not aggregate.disagreement

    def test_publishing_waits_for_every_expert(self, two_assignments, solution, editor):
        submit(two_assignments[0], 5, 5)
        error = refused("incomplete", result_publish, item=solution, by=editor)
        assert "1 из 2" in error.message
        assert not Result.objects.exists()

    def test_the_published_result_names_only_experts_who_consented(self, two_assignments, solution, editor):
        submit(two_assignments[0], 5, 5)
        submit(two_assignments[1], 4, 5)
        result = result_publish(item=solution, by=editor)
        assert (result.score, result.expert_count) == (92.5, 2)
        assert result.expert_names == ["Борис Эксперт"]
