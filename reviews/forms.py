"""The rubric form of the expert desk: a whole number per criterion and a comment.

The form only reads the input; the scale, the required comment and who may submit are checked by
`reviews.services.review_submit`, the same rules as for the API.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from reviews.models.assignments import COMMENT_MAX_LENGTH


def criterion_field(criterion_id: int) -> str:
    return f"criterion_{criterion_id}"


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Комментарий эксперта"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": COMMENT_MAX_LENGTH}),
        help_text=_("Что удалось, что стоит доработать. До %(max)s знаков.") % {"max": COMMENT_MAX_LENGTH},
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[criterion_field(criterion.pk)] = forms.IntegerField(
                label=criterion.name,
                required=False,
                error_messages={"invalid": _("Выберите балл по шкале.")},
            )

    def scores(self) -> dict[int, int]:
        values = {c.pk: self.cleaned_data.get(criterion_field(c.pk)) for c in self.criteria}
        return {pk: value for pk, value in values.items() if value is not None}

    def rows(self) -> list[dict]:
        """One row per criterion for the template: the criterion, its scale and the value chosen so far."""
        return [
            {
                "criterion": c,
                "field": self[criterion_field(c.pk)],
                "chosen": str(self.data.get(criterion_field(c.pk), "")),
            }
            for c in self.criteria
        ]
