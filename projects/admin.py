"""The admin's filters of projects: stage, tutor, a student's class, academic year, overdue checkpoints."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from projects.models import Checkpoint, CheckpointStatus, Project, ProjectMember


class ProjectFilterSet(WagtailFilterSet):
    school_class = django_filters.CharFilter(label=_("класс"), method="filter_class")
    overdue = django_filters.BooleanFilter(label=_("есть просроченные точки"), method="filter_overdue")

    class Meta:
        model = Project
        fields = ["stage", "tutor", "academic_year", "kind"]

    def filter_class(self, queryset, name, value):
        if not value:
            return queryset
        members = ProjectMember.objects.filter(
            project=OuterRef("pk"), user__membership__school_class=value.strip().upper()
        )
        return queryset.filter(Exists(members))

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        late = Checkpoint.objects.filter(
            Q(project=OuterRef("pk"), due__lt=timezone.localdate()) & ~Q(status=CheckpointStatus.DONE)
        )
        return queryset.filter(Exists(late)) if value else queryset.exclude(Exists(late))
