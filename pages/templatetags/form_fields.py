"""The site's form components, one template each: a field (label, control, help, errors, all linked) and
the error summary at the top of a form. Every area's templates use them.

A field's help has the id `<field id>_helptext` and its errors `<field id>_error` (Django's own convention
since 5.0); the control's `aria-describedby` names exactly those rendered, and `aria-invalid` marks a field
with errors. The summary lists every error with a link to its field and takes the focus on load
(`autofocus`: no script needed).
"""

from django import template
from django.forms import BoundField, Form
from django.utils.translation import gettext_lazy as _

register = template.Library()


def error_id(field: BoundField) -> str:
    return f"{field.auto_id}_error"


def help_id(field: BoundField) -> str:
    return f"{field.auto_id}_helptext"


@register.inclusion_tag("includes/form_field.html")
def form_field(field: BoundField, help_text: str = "", label: str = "", error: str = "", mark_required: bool = False):
    """`error` is an error of the whole form shown at this field (a failed login at the login). Radio buttons
    and checkboxes are a fieldset whose legend is the label; `aria-describedby` is then the fieldset's.
    `mark_required` stars the required fields (in forms where some are optional, like surveys)."""
    help_text = help_text or field.help_text
    errors = [*field.errors, *([error] if error and field.form.errors else [])]
    described = [help_id(field)] if help_text else []
    if errors:
        described.append(error_id(field))
    grouped = field.use_fieldset
    attrs = {"aria-describedby": " ".join(described)} if described and not grouped else {}
    if errors:
        attrs["aria-invalid"] = "true"
    if field.form.errors:
        attrs["autofocus"] = False  # the error summary takes the focus
    return {
        "field": field,
        "errors": errors,
        "label": label or field.label,
        "control": field.as_widget(attrs=attrs),
        "help_text": help_text,
        "help_id": help_id(field),
        "error_id": error_id(field),
        "described": " ".join(described),
        "mark_required": mark_required,
    }


@register.inclusion_tag("includes/error_summary.html")
def error_summary(form: Form, message: str = "", first_field: str = "", title: str = ""):
    """Every error of the form, each linked to its field; errors of the whole form link to `first_field` (or
    the first field). `message` replaces the form's own text of its errors of the whole form; `title` the
    summary's heading."""
    if not form.errors:
        return {"errors": []}
    fields = list(form)
    anchor = form[first_field].auto_id if first_field else (fields[0].auto_id if fields else "")
    errors = []
    non_field = form.non_field_errors()
    if non_field:
        texts = [message] if message else list(non_field)
        errors += [{"text": text, "target": anchor} for text in texts]
    for field in fields:
        errors += [{"text": f"{field.label}: {error}", "target": field.auto_id} for error in field.errors]
    return {"errors": errors, "title": title or _("Исправьте ошибки в форме")}
