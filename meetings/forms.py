import datetime

from django import forms
from django.utils.translation import gettext_lazy as _


class BookingForm(forms.Form):
    """The slot picker: one radio button per free slot; the rules are checked by the booking service."""

    slot = forms.CharField(label=_("Время встречи"), error_messages={"required": _("Выберите время встречи.")})
    topic = forms.CharField(
        label=_("Тема встречи"),
        max_length=300,
        required=False,
        help_text=_("Коротко: о чём вы хотите поговорить. Видят только вы и ведущий."),
    )

    def clean_slot(self) -> datetime.datetime:
        try:
            start = datetime.datetime.fromisoformat(self.cleaned_data["slot"])
        except ValueError:
            raise forms.ValidationError(_("Выберите время встречи из списка.")) from None
        if start.tzinfo is None:
            raise forms.ValidationError(_("Выберите время встречи из списка."))
        return start
