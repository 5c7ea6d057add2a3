"""Writes of the support system: a resident marks a module of a programme done or not done.

When the last module is done the programme is recorded as completed (for the teacher's profile);
unmarking a module takes the completion back, so the record always says what the resident says.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from residents.selectors import User
from support.models.progress import ModuleProgress, ProgrammeCompletion
from support.selectors import may_track_progress


def _check(*, user: User, programme, module_id: str) -> None:
    if not may_track_progress(user=user, programme=programme):
        raise PermissionDenied(_("Отмечать модули могут резиденты, которым открыта эта программа."))
    if module_id not in programme.module_ids():
        raise ValidationError(_("В программе нет такого модуля: возможно, редактор его удалил. Обновите страницу."))


@transaction.atomic
def module_mark_done(*, user: User, programme, module_id: str) -> ModuleProgress:
    """Marks one module done (again is harmless) and records the completion when it was the last one."""
    _check(user=user, programme=programme, module_id=module_id)
    try:
        with transaction.atomic():
            progress, _created = ModuleProgress.objects.get_or_create(
                user=user, programme=programme, module_id=module_id
            )
    except IntegrityError:
        progress = ModuleProgress.objects.get(user=user, programme=programme, module_id=module_id)
    done = set(ModuleProgress.objects.filter(user=user, programme=programme).values_list("module_id", flat=True))
    if set(programme.module_ids()) <= done:
        ProgrammeCompletion.objects.get_or_create(
            user=user,
            programme=programme,
            defaults={
                "programme_title": programme.title,
                "hours": programme.total_hours,
                "completed_at": timezone.now(),
            },
        )
    return progress


@transaction.atomic
def module_mark_undone(*, user: User, programme, module_id: str) -> None:
    """Takes back a module's mark, and the programme's completion with it."""
    _check(user=user, programme=programme, module_id=module_id)
    ModuleProgress.objects.filter(user=user, programme=programme, module_id=module_id).delete()
    ProgrammeCompletion.objects.filter(user=user, programme=programme).delete()
