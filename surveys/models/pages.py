"""The survey page: a form built by editors in the admin, for feedback and surveys after events."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.segments import StringSegmentValue

from blocks.text import RICH_TEXT_FEATURES
from pages.admin_forms import FormPageForm
from pages.models.base import BasePage
from surveys import views
from surveys.forms import SurveyFormBuilder
from surveys.models.submissions import SurveySubmission
from surveys.questions import FIELD_TYPE_CHOICES, choice_list, question_key


class SurveyPage(BasePage, AbstractEmailForm):
    """A survey or a feedback form. Its audience decides who may open and answer it, as for every page: a
    form open to everyone takes anonymous answers (behind a honeypot and a limit per address), the others
    only from signed-in residents of that audience. With «один ответ» each resident answers once."""

    one_per_resident = models.BooleanField(
        _("один ответ на резидента"),
        default=False,
        help_text=_("Отвечать смогут только вошедшие на сайт, и каждый — один раз."),
    )
    thank_you_text = RichTextField(
        _("текст после отправки"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Что увидит человек после отправки ответа."),
    )

    form_builder = SurveyFormBuilder
    base_form_class = FormPageForm
    content_panels = [
        FormSubmissionsPanel(),
        *BasePage.content_panels,
        InlinePanel("form_fields", label=_("Вопросы")),
        FieldPanel("one_per_resident"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("from_address", help_text=_("С какого адреса придёт письмо о новом ответе.")),
                        FieldPanel("to_address"),
                    ]
                ),
                FieldPanel("subject", help_text=_("Тема письма о новом ответе, например «Новый ответ на опрос».")),
            ],
            _("Уведомления о новых ответах (необязательно)"),
        ),
    ]
    api_fields = [*BasePage.api_fields, APIField("one_per_resident")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    template = "surveys/survey_page.html"
    landing_page_template = "surveys/survey_page_landing.html"

    class Meta:
        verbose_name = _("опрос или форма обратной связи")
        verbose_name_plural = _("опросы и формы обратной связи")

    def get_submission_class(self):
        return SurveySubmission

    def get_submissions_list_view_class(self):
        # Wagtail's admin views cannot be imported while the models load (as Wagtail does here itself).
        from surveys.admin_views import SurveySubmissionsListView

        return SurveySubmissionsListView

    def serve(self, request, *args, **kwargs):
        return views.survey_serve(request, self)


class ChoicesField(models.TextField):
    """Wagtail's options of a question, which wagtail-localize offers for translation one by one (one string in
    the translation editor per option); the translation keeps their order, which pairs each English option with
    its Russian one."""

    def get_translatable_segments(self, value) -> list[StringSegmentValue]:
        return [StringSegmentValue(str(index), choice) for index, choice in enumerate(choice_list(value)) if choice]

    def restore_translated_segments(self, value, segments) -> str:
        choices = choice_list(value)
        for segment in segments:
            choices[int(segment.path)] = segment.render_text()
        return "\n".join(choices)


class SurveyField(TranslatableMixin, AbstractFormField):
    """One question of a survey. Its label, help text, options and default are translated with the page; its key
    (`clean_name`, under which the answers are stored) is the same in every language."""

    page = ParentalKey(SurveyPage, on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        _("тип вопроса"),
        max_length=16,
        choices=FIELD_TYPE_CHOICES,
        help_text=_("Как отвечают на вопрос: строка, текст, выбор одного или нескольких вариантов."),
    )
    field_type.required_on_save = True
    choices = ChoicesField(
        verbose_name=_("варианты ответа"),
        blank=True,
        help_text=_("По одному на строке (или через запятую в одной строке): для выбора одного или нескольких."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text", help_text=_("Пояснение под вопросом: что и в каком виде ответить.")),
        FieldPanel("required", help_text=_("Без ответа на этот вопрос форму не отправить.")),
        FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
    ]
    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("вопрос")
        verbose_name_plural = _("вопросы")
        unique_together = TranslatableMixin.Meta.unique_together

    def get_field_clean_name(self):
        return question_key(self.label)
