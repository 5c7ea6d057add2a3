"""The one list of roles people have in the coworking space, and the part of it each model allows.

A resident's membership (section 2 of "Положение") and a person the site names (`people.Person`) draw
from the same list, so a teacher or a tutor is the same role in the council's admin, on the site and in
the API, and a role added here is added for both.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STUDENT = "student", _("обучающийся")
    PARENT = "parent", _("родитель")
    TEACHER = "teacher", _("педагог")
    TUTOR = "tutor", _("тьютор")
    PSYCHOLOGIST = "psychologist", _("педагог-психолог")
    METHODOLOGIST = "methodologist", _("методист")
    CONSULTANT = "consultant", _("консультант")
    EXPERT = "expert", _("эксперт")
    ADMINISTRATION = "administration", _("администрация")
    REPRESENTATIVE = "representative", _("представитель партнёра")


# Internal residents are the school's students, their parents, its teachers and tutors; external residents
# are partners' representatives, for as long as the partner's contract runs.
INTERNAL_RESIDENT_ROLES = (Role.STUDENT, Role.PARENT, Role.TEACHER, Role.TUTOR)
EXTERNAL_RESIDENT_ROLES = (Role.REPRESENTATIVE,)
RESIDENT_ROLES = INTERNAL_RESIDENT_ROLES + EXTERNAL_RESIDENT_ROLES

# The adults the site names on profiles, exhibitions and meeting rooms. Students never (they appear only
# by a display name published with consent), nor parents as parents.
PERSON_ROLES = (
    Role.TEACHER,
    Role.TUTOR,
    Role.CONSULTANT,
    Role.METHODOLOGIST,
    Role.EXPERT,
    Role.PSYCHOLOGIST,
    Role.REPRESENTATIVE,
    Role.ADMINISTRATION,
)


def role_choices(roles: tuple[Role, ...]) -> list[tuple[str, str]]:
    """The `choices` of a model field that allows these roles, in this order."""
    return [(role.value, role.label) for role in roles]
