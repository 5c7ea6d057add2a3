"""The open bank of project solutions: its index page, solution pages, the taxonomies and tags editors manage, and
the rows and totals its search reads."""

from bank.models.bank_page import SolutionBankPage
from bank.models.contributions import Contribution, Decision, ReuseReport
from bank.models.pages import SolutionPage, SolutionTag, TeamMember
from bank.models.rows import FacetTotal, SolutionRow, SolutionRowsVersion
from bank.models.tags import BankTag
from bank.models.taxonomy import ProjectType, SubjectArea

__all__ = [
    "BankTag",
    "Contribution",
    "Decision",
    "FacetTotal",
    "ProjectType",
    "ReuseReport",
    "SolutionBankPage",
    "SolutionPage",
    "SolutionRow",
    "SolutionRowsVersion",
    "SolutionTag",
    "SubjectArea",
    "TeamMember",
]
