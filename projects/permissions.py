"""Who is who in a project, and what each may do. Read once per project and user (`project_people`), so a
page asks the database once however many checks it makes.

The project's people are its team, its tutor, its consultants, staff, and the parents of its students. A
suspended resident, or a partner whose contract has ended, is nobody's: they see only what is published.
"""

from dataclasses import dataclass

from django.db.models import Exists, IntegerField, OuterRef, QuerySet, Value

from projects.models import Post, Project, ProjectMember
from projects.models.journal import EDIT_WINDOW
from residents.audiences import Audience
from residents.models import Membership
from residents.selectors import User, access_for


@dataclass(frozen=True)
class People:
    """The user's places in one project."""

    member: bool = False
    tutor: bool = False
    consultant: bool = False
    parent: bool = False
    staff: bool = False

    @property
    def insider(self) -> bool:
        """Sees the whole project: journal, checkpoints, artefacts' files."""
        return self.member or self.tutor or self.consultant or self.parent or self.staff

    @property
    def worker(self) -> bool:
        """Works in the project: posts, uploads, plans checkpoints (parents only read)."""
        return self.member or self.tutor or self.consultant or self.staff

    @property
    def leads(self) -> bool:
        """Decides: stage moves, join requests, hiding posts, the bank."""
        return self.tutor or self.staff


NOBODY = People()


def resident_in_good_standing(user: User) -> bool:
    access = access_for(user=user)
    return Audience.RESIDENTS in access.audiences and access.membership is not None


def parent_of_member_exists(user: User):
    """An SQL condition on projects: one of the team is a child of this user."""
    children = Membership.objects.filter(parents__user=user).values("user_id")
    return Exists(ProjectMember.objects.filter(project=OuterRef("pk"), user_id__in=children))


def _places(user: User) -> dict:
    return {
        "is_member": Exists(ProjectMember.objects.filter(project=OuterRef("pk"), user=user)),
        "is_consultant": Exists(Project.consultants.through.objects.filter(project=OuterRef("pk"), user=user)),
        "is_parent": parent_of_member_exists(user),
    }


def with_places(projects: QuerySet, user: User) -> QuerySet:
    """The projects with this user's places read in the same query, so `project_people` asks nothing more."""
    if user is None or not user.is_authenticated:
        return projects
    return projects.annotate(places_for=Value(user.pk, output_field=IntegerField()), **_places(user))


def project_people(project: Project, user: User) -> People:
    """The user's places in this project, in one query or none when `with_places` read them (none for
    anonymous, refused or suspended users)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NOBODY
    if user.is_staff:
        return People(staff=True, tutor=project.tutor_id == user.pk)
    if not resident_in_good_standing(user):
        return NOBODY
    if getattr(project, "places_for", None) == user.pk:
        places = {name: getattr(project, name) for name in ("is_member", "is_consultant", "is_parent")}
    else:
        places = (
            Project.objects.filter(pk=project.pk)
            .annotate(**_places(user))
            .values("is_member", "is_consultant", "is_parent")
            .first()
        )
    if places is None:
        return NOBODY
    return People(
        member=places["is_member"],
        tutor=project.tutor_id == user.pk,
        consultant=places["is_consultant"],
        parent=places["is_parent"],
    )


def can_edit_post(post: Post, user: User, *, now) -> bool:
    """The author, for 15 minutes after writing, while the post is not hidden."""
    return (
        user is not None
        and user.is_authenticated
        and post.author_id == user.pk
        and not post.is_hidden
        and now < post.created_at + EDIT_WINDOW
    )
