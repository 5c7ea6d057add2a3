"""The exhibition's editing form: an exhibit's authors may be published only while every student linked to it
has a consent to publish the name in force (residents' rule). The linked students of a nested exhibit are known
to the page's form only (the exhibit's own `clean` runs before they are assigned), so the check lives here."""

from django.utils.translation import gettext_lazy as _

from pages.admin_forms import BasePageForm
from residents.selectors import names_consented

NO_CONSENT = _(
    "У обучающихся %(names)s нет действующего согласия на публикацию имени: отметить публикацию имён нельзя. "
    "Сначала запишите согласие в разделе «Согласия» или снимите отметку."
)


class ExhibitionPageForm(BasePageForm):
    def clean(self):
        cleaned_data = super().clean()
        for hall_form in self._live_forms(self.formsets.get("halls")):
            for exhibit_form in self._live_forms(getattr(hall_form, "formsets", {}).get("exhibits")):
                self._check_authors(exhibit_form)
        return cleaned_data

    @staticmethod
    def _live_forms(formset) -> list:
        if formset is None or not formset.is_valid():
            return []
        return [form for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]

    @staticmethod
    def _check_authors(form) -> None:
        students = list(form.cleaned_data.get("author_residents") or [])
        if not (form.cleaned_data.get("authors_consent") and students):
            return
        consented = names_consented(student.pk for student in students)
        missing = [student for student in students if student.pk not in consented]
        if missing:
            names = ", ".join(student.user.get_full_name() or student.user.get_username() for student in missing)
            form.add_error("authors_consent", NO_CONSENT % {"names": names})
