"""A published solution is reindexed once its tags, subjects and team are saved with it.

Wagtail indexes a page on `post_save`, before django-modelcluster writes the page's child relations; the
search text of a solution includes those, so publishing indexes the page again when everything is saved.
"""

from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published

from bank.models import SolutionPage


@receiver(page_published, sender=SolutionPage)
def reindex_published_solution(sender, instance, **kwargs):
    index.insert_or_update_object(instance)
