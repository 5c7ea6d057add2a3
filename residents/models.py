"""Residents of the coworking space (section 2 of "Положение"): partners, memberships, the council's
suspensions, and consents to the processing of personal data (152-ФЗ).

Students are minors: their names live only here and in the user account, never in a public channel.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from residents.roles import EXTERNAL_RESIDENT_ROLES, INTERNAL_RESIDENT_ROLES, RESIDENT_ROLES, role_choices


def today() -> datetime.date:
    return timezone.localdate()


class Tier(models.TextChoices):
    INTERNAL = "internal", _("внутренний резидент")
    EXTERNAL = "external", _("внешний резидент")


class Partner(models.Model):
    """A partner organisation; its representatives are external residents while its contract runs."""

    name = models.CharField(_("организация"), max_length=255, help_text=_("Полное название организации-партнёра."))
    contract_number = models.CharField(
        _("номер договора"), max_length=100, help_text=_("Номер договора о сотрудничестве.")
    )
    contract_start = models.DateField(_("договор действует с"), help_text=_("С какого дня действует договор."))
    contract_end = models.DateField(
        _("договор действует по"),
        help_text=_("По какой день действует договор; после него резидентство партнёра заканчивается."),
    )

    class Meta:
        verbose_name = _("партнёр")
        verbose_name_plural = _("партнёры")
        ordering = ["name"]

    def __str__(self) -> str:
        return _("%(name)s (договор № %(number)s)") % {"name": self.name, "number": self.contract_number}

    def contract_valid_on(self, day: datetime.date) -> bool:
        return self.contract_start <= day <= self.contract_end


class Membership(models.Model):
    """One user's residency: internal (student, parent, teacher, tutor) or external (a partner's representative)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("учётная запись"),
        on_delete=models.CASCADE,
        related_name="membership",
        help_text=_("Учётная запись человека на сайте."),
    )
    tier = models.CharField(
        _("вид резидентства"),
        max_length=20,
        choices=Tier.choices,
        db_index=True,
        help_text=_("Внутренний (ученики, родители, педагоги лицея) или внешний (партнёры) резидент."),
    )
    role = models.CharField(
        _("роль"),
        max_length=20,
        choices=role_choices(RESIDENT_ROLES),
        db_index=True,
        help_text=_("Кем резидент приходится коворкингу: обучающийся, родитель, педагог, партнёр."),
    )
    school_class = models.CharField(_("класс"), max_length=20, blank=True, help_text=_("Для обучающихся, например 9Б."))
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("партнёр"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text=_("Для представителей партнёров: какая организация."),
    )
    public_name = models.CharField(
        _("имя для публикации"),
        max_length=100,
        blank=True,
        help_text=_("Показывается на сайте только при согласии на публикацию имени."),
    )
    children = models.ManyToManyField(
        "self",
        verbose_name=_("дети"),
        symmetrical=False,
        blank=True,
        related_name="parents",
        help_text=_("Для родителя: обучающиеся, чьим законным представителем он является."),
    )
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)

    class Meta:
        verbose_name = _("резидент")
        verbose_name_plural = _("резиденты")
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.get_username()
        return f"{name}, {self.get_role_display()}"

    def clean(self):
        if self.tier == Tier.EXTERNAL and not self.partner_id:
            raise ValidationError({"partner": _("Внешний резидент представляет партнёра: выберите организацию.")})
        if self.tier == Tier.INTERNAL and self.role not in INTERNAL_RESIDENT_ROLES:
            raise ValidationError({"role": _("Внутренний резидент: обучающийся, родитель, педагог или тьютор.")})
        if self.tier == Tier.EXTERNAL and self.role not in EXTERNAL_RESIDENT_ROLES:
            raise ValidationError({"role": _("Внешний резидент — представитель партнёра.")})

    @property
    def contract_end(self) -> datetime.date | None:
        return self.partner.contract_end if self.partner_id else None


class SuspensionQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date):
        return self.filter(lifted_at__isnull=True, starts_on__lte=day).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day)
        )


class Suspension(models.Model):
    """The council's decision to remove a resident for a time (with an end date) or for good (none), п. 2.5."""

    membership = models.ForeignKey(
        Membership,
        verbose_name=_("резидент"),
        on_delete=models.CASCADE,
        related_name="suspensions",
        help_text=_("Чьё резидентство приостанавливается."),
    )
    reason = models.TextField(_("причина"), help_text=_("Решение Совета коворкинга: за что и на каких условиях."))
    decision_reference = models.CharField(
        _("решение Совета"),
        max_length=100,
        help_text=_("Номер и дата протокола, например «Протокол № 3 от 12.03.2026»."),
    )
    starts_on = models.DateField(_("с"), default=today, help_text=_("С какого дня действует приостановка."))
    ends_on = models.DateField(_("по"), null=True, blank=True, help_text=_("Пусто — исключение без срока."))
    lifted_at = models.DateTimeField(
        _("досрочно снято"), null=True, blank=True, help_text=_("Заполните, если Совет снял приостановку досрочно.")
    )
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        verbose_name = _("приостановка резидентства")
        verbose_name_plural = _("приостановки резидентства")
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        until = self.ends_on.strftime("%d.%m.%Y") if self.ends_on else _("без срока")
        return f"{self.membership}: {self.starts_on:%d.%m.%Y} — {until}"

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Дата окончания раньше даты начала.")})

    def is_active_on(self, day: datetime.date) -> bool:
        return self.lifted_at is None and self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class ConsentPurpose(models.TextChoices):
    PROCESSING = "processing", _("обработка персональных данных")
    PUBLISH_NAME = "publish_name", _("публикация имени")
    PUBLISH_WORK = "publish_work", _("публикация работы")


class ConsentGiver(models.TextChoices):
    RESIDENT = "resident", _("сам резидент")
    PARENT = "parent", _("родитель (законный представитель)")


class ConsentQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(withdrawn_at__isnull=True)


class Consent(models.Model):
    """A consent as 152-ФЗ asks: who gave it, to what, which text, when and from where; withdrawable."""

    membership = models.ForeignKey(
        Membership,
        verbose_name=_("субъект данных"),
        on_delete=models.CASCADE,
        related_name="consents",
        help_text=_("Чьи данные касается согласие."),
    )
    given_by = models.CharField(
        _("кто дал согласие"),
        max_length=20,
        choices=ConsentGiver.choices,
        help_text=_("Сам обучающийся (с 14 лет) или его законный представитель."),
    )
    given_by_name = models.CharField(
        _("ФИО давшего согласие"), max_length=255, blank=True, help_text=_("Для согласия родителя.")
    )
    purpose = models.CharField(
        _("на что"),
        max_length=20,
        choices=ConsentPurpose.choices,
        help_text=_("На что дано согласие, например на публикацию имени."),
    )
    text_version = models.CharField(
        _("версия текста согласия"),
        max_length=50,
        help_text=_("Версия текста согласия, которую подписали, например «2026-09»."),
    )
    given_at = models.DateTimeField(_("дата и время"), default=timezone.now, help_text=_("Когда получено согласие."))
    ip_address = models.GenericIPAddressField(
        _("IP-адрес"),
        null=True,
        blank=True,
        help_text=_("Адрес, с которого согласие дано на сайте; пусто для бумажного."),
    )
    withdrawn_at = models.DateTimeField(
        _("отозвано"),
        null=True,
        blank=True,
        help_text=_("Заполните, если согласие отозвано: с этого момента данные не показываются."),
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("согласие")
        verbose_name_plural = _("согласия")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.given_at:%d.%m.%Y})"
