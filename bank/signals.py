"""A published solution is reindexed once its tags, subjects and team are saved with it.

Wagtail indexes a page on `post_save`, before django-modelcluster writes the page's child relations; the
search text of a solution includes those, so publishing indexes the page again when everything is saved.
The bank's search rows follow every save, publication, unpublication and move of a solution, every view
restriction set or lifted, and `update_index` (through the search app's `index_rebuilt` signal).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move, workflow_approved, workflow_rejected

from bank.models import SolutionPage, SolutionRow, TeamMember
from bank.search.rows import forget_row, rebuild_solution_rows, sync_solution_rows
from bank.services import contribution_decided
from residents.models import Consent
from search.signals import index_rebuilt


@receiver(page_published, sender=SolutionPage)
def reindex_published_solution(sender, instance, **kwargs):
    index.insert_or_update_object(instance)
    sync_solution_rows(ids=[instance.pk])


@receiver(post_save, sender=SolutionPage)
@receiver(page_unpublished, sender=SolutionPage)
def sync_saved_solution(sender, instance, **kwargs):
    sync_solution_rows(ids=[instance.pk])


@receiver(post_delete, sender=SolutionRow)
def forget_deleted_solution(sender, instance, **kwargs):
    forget_row(row=instance)


@receiver(post_page_move)
def sync_moved_solutions(sender, instance, **kwargs):
    """A moved bank (or any ancestor) changes the tree paths of its solutions."""
    moved = SolutionPage.objects.filter(path__startswith=instance.path)
    sync_solution_rows(ids=moved.values_list("pk", flat=True))


def _sync_solutions_under(page_id: int) -> None:
    path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
    if path is not None:
        sync_solution_rows(ids=SolutionPage.objects.filter(path__startswith=path).values_list("pk", flat=True))


@receiver(post_save, sender=PageViewRestriction)
def follow_new_view_restriction(sender, instance, **kwargs):
    """A restriction set on a page hides the solutions at and below it from the next search."""
    _sync_solutions_under(instance.page_id)


@receiver(post_delete, sender=PageViewRestriction)
def follow_lifted_view_restriction(sender, instance, **kwargs):
    """A lifted restriction shows the solutions again once the change is committed: when the restriction goes
    with its deleted page, the solutions' rows are gone by then and nothing is written for them."""
    transaction.on_commit(lambda: _sync_solutions_under(instance.page_id))


@receiver(post_save, sender=Consent)
@receiver(post_delete, sender=Consent)
def reindex_solutions_of_consent(sender, instance, **kwargs):
    """A consent to publish a name given or withdrawn: the solutions whose team names the student are indexed
    again, so a withdrawn name is no longer found by the search from the next request on."""
    team = TeamMember.objects.filter(resident_id=instance.membership_id).values("page_id")
    for solution in SolutionPage.objects.live().filter(pk__in=team):
        index.insert_or_update_object(solution)
    sync_solution_rows(ids=SolutionPage.objects.filter(pk__in=team).values_list("pk", flat=True))


@receiver(index_rebuilt)
def rebuild_rows_with_the_index(sender, progress, **kwargs):
    """`update_index` rebuilt Wagtail's index: the rows, their vectors and the facet totals follow."""
    rebuild_solution_rows(progress=progress)


@receiver(workflow_approved)
def tell_submitter_of_approval(sender, instance, **kwargs):
    page = instance.content_object
    if isinstance(page, Page) and isinstance(page.specific, SolutionPage):
        contribution_decided(page=page.specific, approved=True)


@receiver(workflow_rejected)
def tell_submitter_of_rejection(sender, instance, **kwargs):
    page = instance.content_object
    if isinstance(page, Page) and isinstance(page.specific, SolutionPage):
        contribution_decided(page=page.specific, approved=False)
