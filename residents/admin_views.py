"""The admin's "Импорт резидентов": upload the school's register export, rehearse it, then apply it."""

from django import forms
from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from residents.imports import ImportFileError, import_residents

MAX_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Файл выгрузки"),
        help_text=_("CSV (UTF-8 или Windows-1251) или XLSX: Фамилия, Имя, Класс, Роль, E-mail."),
    )
    dry_run = forms.BooleanField(
        label=_("Пробный запуск: только показать, что изменится"), required=False, initial=True
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Файл больше 5 МБ."))
        return upload


@permission_required("residents.add_membership", raise_exception=True)
def import_view(request):
    report, error = None, None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = import_residents(
                upload.read(), filename=upload.name, dry_run=form.cleaned_data["dry_run"], by=request.user
            )
        except ImportFileError as exception:
            error = str(exception)
    return render(request, "residents/admin/import.html", {"form": form, "report": report, "error": error})
