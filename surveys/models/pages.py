"""The survey page: a form built by editors in the admin, for feedback and surveys after events."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from blocks.text import RICH_TEXT_FEATURES
from pages.admin_forms import FormPageForm
from pages.models.base import BasePage
from surveys import views
from surveys.forms import SurveyFormBuilder
from surveys.models.submissions import SurveySubmission
from surveys.questions import FIELD_TYPE_CHOICES, question_key


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


class SurveyField(AbstractFormField):
    """One question of a survey."""

    page = ParentalKey(SurveyPage, on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        _("тип вопроса"),
        max_length=16,
        choices=FIELD_TYPE_CHOICES,
        help_text=_("Как отвечают на вопрос: строка, текст, выбор одного или нескольких вариантов."),
    )
    field_type.required_on_save = True

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text", help_text=_("Пояснение под вопросом: что и в каком виде ответить.")),
        FieldPanel("required", help_text=_("Без ответа на этот вопрос форму не отправить.")),
        FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("вопрос")
        verbose_name_plural = _("вопросы")

    def get_field_clean_name(self):
        return question_key(self.label)
