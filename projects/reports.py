"""The tutor's report as an Excel workbook: projects, their stages and dates, and their checkpoints.

Students appear by first name and initial only; no e-mail, telephone or other contact leaves in the file."""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from projects.models import CheckpointStatus
from projects.selectors import person_label

PROJECT_COLUMNS = [
    "Проект",
    "Вид",
    "Стадия",
    "Учебный год",
    "Классы",
    "Команда",
    "Тьютор",
    "Начат",
    "Последний переход",
    "Точек",
    "Выполнено",
    "Просрочено",
]
CHECKPOINT_COLUMNS = ["Проект", "Стадия", "Контрольная точка", "Срок", "Статус", "Ответственный"]


def _sheet(workbook: Workbook, title: str, columns: list[str], rows: list[list], *, first: bool = False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"


def tutor_report(projects) -> bytes:
    """`projects` come from `projects_tutored` (members prefetched); two sheets, in Russian."""
    today = timezone.localdate()
    project_rows, checkpoint_rows = [], []
    for project in projects.prefetch_related("checkpoints__stage", "checkpoints__responsible", "moves"):
        checkpoints = list(project.checkpoints.all())
        moves = [move.decided_at for move in project.moves.all() if move.decided_at]
        project_rows.append(
            [
                project.title,
                project.get_kind_display(),
                project.stage.name,
                project.academic_year_label,
                project.grades_label,
                ", ".join(person_label(member.user, inside=True) for member in project.members.all()),
                person_label(project.tutor, inside=True),
                timezone.localtime(project.created_at).date(),
                timezone.localtime(max(moves)).date() if moves else None,
                len(checkpoints),
                sum(1 for c in checkpoints if c.status == CheckpointStatus.DONE),
                sum(1 for c in checkpoints if c.is_overdue(today)),
            ]
        )
        checkpoint_rows += [
            [
                project.title,
                c.stage.name,
                c.title,
                c.due,
                c.get_status_display(),
                person_label(c.responsible, inside=True),
            ]
            for c in checkpoints
        ]
    workbook = Workbook()
    _sheet(workbook, "Проекты", PROJECT_COLUMNS, project_rows, first=True)
    _sheet(workbook, "Контрольные точки", CHECKPOINT_COLUMNS, checkpoint_rows)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
