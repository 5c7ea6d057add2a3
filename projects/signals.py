"""A solution proposed from a project and published in the bank moves the project to «опубликован».

The stages, the defence formats and the meeting rooms page that every project page shows come from the shared
cache; saving or deleting one of them forgets it in every process."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from bank.models import SolutionPage
from events.models import EventFormat
from projects.integration import DEFENCE_FORMATS_KEY, solution_published
from projects.models import Stage
from projects.selectors import ROOMS_PAGE_KEY, stages_key
from residents import request_cache


@receiver(page_published, sender=SolutionPage)
def project_solution_published(sender, instance, **kwargs):
    solution_published(instance)


@receiver(post_save, sender=Stage)
@receiver(post_delete, sender=Stage)
def forget_stages(sender, **kwargs):
    """A stage or its translation changed: the list is forgotten in every language."""
    for language, _name in settings.LANGUAGES:
        request_cache.forget(stages_key(language))


@receiver(post_save, sender=EventFormat)
@receiver(post_delete, sender=EventFormat)
def forget_defence_formats(sender, **kwargs):
    request_cache.forget(DEFENCE_FORMATS_KEY)


@receiver(post_save)
@receiver(post_delete)
def forget_rooms_page_when_pages_change(sender, instance, **kwargs):
    if isinstance(instance, Page):
        request_cache.forget(ROOMS_PAGE_KEY)


@receiver(page_published)
@receiver(page_unpublished)
def forget_rooms_page_on_publish(sender, instance, **kwargs):
    request_cache.forget(ROOMS_PAGE_KEY)
