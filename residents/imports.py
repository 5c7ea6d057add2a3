"""Import of internal residents from the school's register export (CSV or XLSX): surname, name, class, role,
e-mail. A dry run reports what would be created, changed or rejected; a real run is all-or-nothing; the same
file imported twice changes nothing. Error messages are in the reader's language (Russian, or English) and
name the file's line numbers."""

import csv
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from residents.models import Membership, Tier
from residents.roles import Role

IMPORT_ACTION = "residents.import"

COLUMNS = {
    "surname": {"фамилия", "surname", "last name", "last_name"},
    "name": {"имя", "name", "first name", "first_name"},
    "school_class": {"класс", "class", "группа"},
    "role": {"роль", "role", "статус"},
    "email": {"e-mail", "email", "эл. почта", "электронная почта", "почта", "адрес электронной почты"},
    "child_email": {"e-mail ребенка", "email ребенка", "почта ребенка", "ребенок", "child e-mail", "child_email"},
}
REQUIRED = ("surname", "name", "role", "email")
ROLES = {
    "обучающийся": Role.STUDENT,
    "обучающаяся": Role.STUDENT,
    "ученик": Role.STUDENT,
    "ученица": Role.STUDENT,
    "учащийся": Role.STUDENT,
    "student": Role.STUDENT,
    "родитель": Role.PARENT,
    "законный представитель": Role.PARENT,
    "parent": Role.PARENT,
    "педагог": Role.TEACHER,
    "учитель": Role.TEACHER,
    "teacher": Role.TEACHER,
    "тьютор": Role.TUTOR,
    "tutor": Role.TUTOR,
}


class ImportFileError(Exception):
    """The file as a whole cannot be read: empty, wrong format or encoding, wrong columns."""


@dataclass
class ImportRow:
    line: int
    surname: str
    name: str
    school_class: str
    role: str
    email: str
    child_email: str = ""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    dry_run: bool = True
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def lines(self) -> list[str]:
        """The report in the active language, one line each."""
        created = _("Создано: %(count)d") if self.applied else _("Будет создано: %(count)d")
        changed = _("Изменено: %(count)d") if self.applied else _("Будет изменено: %(count)d")
        result = [
            created % {"count": len(self.created)},
            changed % {"count": len(self.changed)},
            _("Без изменений: %(count)d") % {"count": self.unchanged},
            _("Ошибок: %(count)d") % {"count": len(self.errors)},
        ]
        result += [
            _("Строка %(line)d: %(message)s") % {"line": line, "message": message} for line, message in self.errors
        ]
        if self.errors and not self.dry_run:
            result.append(_("Импорт не выполнен: исправьте ошибки и загрузите файл снова. Ничего не изменено."))
        return result


def _normalise(header: object) -> str:
    return str(header or "").strip().lower().replace("ё", "е").replace("\ufeff", "")


def _map_columns(header: list[object]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    for index, title in enumerate(header):
        for key, names in COLUMNS.items():
            if _normalise(title) in names and key not in mapping:
                mapping[key] = index
    missing = [key for key in REQUIRED if key not in mapping]
    if missing:
        found = ", ".join(str(title) for title in header if str(title or "").strip()) or _("нет заголовков")
        raise ImportFileError(
            _("Строка 1: неверные столбцы. Нужны: %(wanted)s. В файле: %(found)s.")
            % {"wanted": _("Фамилия, Имя, Класс, Роль, E-mail"), "found": found}
        )
    return mapping


def _unreadable() -> ImportFileError:
    return ImportFileError(
        _("Не удалось прочитать файл: ожидается CSV в кодировке UTF-8 или Windows-1251 либо файл XLSX.")
    )


def _broken_xlsx() -> ImportFileError:
    return ImportFileError(_("Не удалось прочитать файл XLSX: файл повреждён или это не таблица Excel."))


def _empty() -> ImportFileError:
    return ImportFileError(_("Файл пуст."))


def _decode(content: bytes) -> str:
    if b"\x00" in content:
        raise _unreadable()
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1251")
    except UnicodeDecodeError as error:
        raise _unreadable() from error


def _csv_rows(content: bytes) -> list[tuple[int, list[object]]]:
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [(reader.line_num, row) for row in reader]


def _xlsx_rows(content: bytes) -> list[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), data_only=True)
    except Exception as error:
        raise _broken_xlsx() from error
    sheet = workbook.worksheets[0]
    merged_values = {}
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                merged_values[(row, column)] = value
    rows = []
    for row_number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        values = [merged_values.get((row_number, column), value) for column, value in enumerate(row, start=1)]
        rows.append((row_number, values))
    return rows


def read_rows(content: bytes, filename: str = "") -> list[tuple[int, list[object]]]:
    """The file's rows with their line numbers, whatever the format."""
    if not content.strip():
        raise _empty()
    if filename.lower().endswith(".xlsx") or content[:4] == b"PK\x03\x04":
        if not zipfile.is_zipfile(io.BytesIO(content)):
            raise _broken_xlsx()
        return _xlsx_rows(content)
    return _csv_rows(content)


def parse(content: bytes, filename: str = "") -> tuple[list[ImportRow], list[tuple[int, str]]]:
    """Valid rows and the errors of the others (line number, reason in the active language)."""
    rows = [(line, values) for line, values in read_rows(content, filename) if any(_cell(v) for v in values)]
    if not rows:
        raise _empty()
    header = rows[0][1]
    mapping = _map_columns(header)
    if len(rows) == 1:
        raise ImportFileError(_("В файле есть заголовки, но нет ни одной строки с резидентами."))
    valid, errors, seen = [], [], {}
    for line, values in rows[1:]:

        def get(key, values=values):
            index = mapping.get(key)
            return _cell(values[index]) if index is not None and index < len(values) else ""

        row = ImportRow(
            line,
            get("surname"),
            get("name"),
            get("school_class"),
            get("role"),
            get("email").lower(),
            get("child_email").lower(),
        )
        problems = []
        if not row.surname:
            problems.append(_("не указана фамилия"))
        if not row.name:
            problems.append(_("не указано имя"))
        role = ROLES.get(_normalise(row.role))
        if role is None:
            problems.append(
                _("неизвестная роль «%(role)s» (обучающийся, родитель, педагог или тьютор)") % {"role": row.role}
            )
        else:
            row.role = role
        if role == Role.STUDENT and not row.school_class:
            problems.append(_("для обучающегося не указан класс"))
        if row.child_email and role != Role.PARENT:
            problems.append(_("e-mail ребёнка указывают только для родителя"))
        try:
            validate_email(row.email)
        except ValidationError:
            if row.email:
                problems.append(_("неверный адрес электронной почты «%(email)s»") % {"email": row.email})
            else:
                problems.append(_("не указан e-mail"))
        if row.email and row.email in seen:
            problems.append(
                _("повтор: адрес %(email)s уже есть в строке %(line)d") % {"email": row.email, "line": seen[row.email]}
            )
        if problems:
            errors.append((line, "; ".join(problems)))
        else:
            seen[row.email] = line
            valid.append(row)
    return valid, errors


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def import_residents(
    content: bytes,
    *,
    filename: str = "",
    dry_run: bool = True,
    by=None,
    progress: Callable[[Iterable], Iterable] = lambda rows: rows,
) -> ImportReport:
    """Creates or updates internal residents from the file. Raises ImportFileError for an unreadable file."""
    rows, errors = parse(content, filename)
    report = ImportReport(errors=errors, dry_run=dry_run)
    with transaction.atomic():
        for row in progress(rows):
            _apply(row, report)
        for row in rows:
            if row.child_email:
                _link_child(row, report)
        if dry_run or report.errors:
            transaction.set_rollback(True)
        else:
            report.applied = True
    if report.applied and (report.created or report.changed):
        for membership in Membership.objects.filter(user__email__in=report.created + report.changed):
            log(membership, IMPORT_ACTION, user=by, data={"file": filename})
    return report


def _apply(row: ImportRow, report: ImportReport) -> None:
    User = get_user_model()
    user = User.objects.filter(email__iexact=row.email).select_related("membership").first()
    if user is None:
        user = User(username=row.email, email=row.email, first_name=row.name, last_name=row.surname)
        user.set_unusable_password()
        user.save()
        Membership.objects.create(user=user, tier=Tier.INTERNAL, role=row.role, school_class=row.school_class)
        report.created.append(row.email)
        return
    membership = getattr(user, "membership", None)
    if membership is not None and membership.tier != Tier.INTERNAL:
        report.errors.append((row.line, _("адрес %(email)s уже принадлежит внешнему резиденту") % {"email": row.email}))
        return
    if user.is_staff:
        message = _("адрес %(email)s принадлежит сотруднику: его не импортируют") % {"email": row.email}
        report.errors.append((row.line, message))
        return
    changed = False
    if (user.first_name, user.last_name) != (row.name, row.surname):
        user.first_name, user.last_name = row.name, row.surname
        user.save(update_fields=["first_name", "last_name"])
        changed = True
    if membership is None:
        Membership.objects.create(user=user, tier=Tier.INTERNAL, role=row.role, school_class=row.school_class)
        changed = True
    elif (membership.role, membership.school_class) != (row.role, row.school_class):
        membership.role, membership.school_class = row.role, row.school_class
        membership.save(update_fields=["role", "school_class"])
        changed = True
    if changed:
        report.changed.append(row.email)
    else:
        report.unchanged += 1


def _link_child(row: ImportRow, report: ImportReport) -> None:
    """Links a parent to their child (a student in this file or already a resident), once."""
    parent = Membership.objects.filter(user__email__iexact=row.email).first()
    child = Membership.objects.filter(user__email__iexact=row.child_email, role=Role.STUDENT).first()
    if child is None:
        message = _("обучающийся с адресом %(email)s не найден ни в файле, ни среди резидентов")
        report.errors.append((row.line, message % {"email": row.child_email}))
        return
    if parent is None or parent.children.filter(pk=child.pk).exists():
        return
    parent.children.add(child)
    if row.email not in report.created and row.email not in report.changed:
        report.changed.append(row.email)
        report.unchanged -= 1
