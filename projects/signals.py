"""A solution proposed from a project and published in the bank moves the project to «опубликован»."""

from django.dispatch import receiver
from wagtail.signals import page_published

from bank.models import SolutionPage
from projects.integration import solution_published


@receiver(page_published, sender=SolutionPage)
def project_solution_published(sender, instance, **kwargs):
    solution_published(instance)
