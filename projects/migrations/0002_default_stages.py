"""The six stages of the project cycle, in Russian, for methodologists to rename or describe."""

from django.db import migrations

STAGES = [
    ("idea", "идея", "Команда формулирует проблему и замысел проекта."),
    ("planning", "планирование", "Цель, задачи, план работ и контрольные точки согласованы с тьютором."),
    ("research", "исследование", "Сбор и анализ данных, изучение источников, эксперименты."),
    ("product", "создание продукта", "Команда делает продукт проекта и проверяет его."),
    ("defence", "защита", "Подготовка и защита проекта; тьютор предлагает его в банк решений."),
    ("published", "опубликован", "Решение проекта опубликовано в открытом банке."),
]


def create_stages(apps, schema_editor):
    Stage = apps.get_model("projects", "Stage")
    for position, (slug, name, description) in enumerate(STAGES, start=1):
        Stage.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "position": position,
                "description": description,
                "is_published": slug == "published",
            },
        )


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(create_stages, migrations.RunPython.noop)]
