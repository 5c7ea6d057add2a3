"""The open bank of project solutions: its index page, solution pages and the taxonomies editors manage."""

from bank.models.pages import SolutionBankPage, SolutionPage, SolutionTag, TeamMember
from bank.models.taxonomy import ProjectType, SubjectArea

__all__ = ["ProjectType", "SolutionBankPage", "SolutionPage", "SolutionTag", "SubjectArea", "TeamMember"]
