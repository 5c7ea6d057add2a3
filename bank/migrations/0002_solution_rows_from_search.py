# The bank's search rows, their version and the facet totals come over from the search app (search/0004 takes
# them out of its state). The data stays: the tables are renamed (search_* to bank_*), with their rows, the
# PostgreSQL-only vector columns and GIN indexes that search/0002 and search/0003 added outside the models
# (their indexes renamed to match), and the content types (with any permissions on them) follow the models.

import django.db.models.deletion
import search.fields
from django.db import migrations, models

MOVED = ['solutionrow', 'solutionrowsversion', 'facettotal']
GIN_INDEXES = [('search_row_document_gin', 'bank_row_document_gin'), ('search_row_facet_keys_gin', 'bank_row_facet_keys_gin')]


def rename_gin_indexes(apps, schema_editor, *, backwards=False):
    if schema_editor.connection.vendor != 'postgresql':
        return
    for old, new in GIN_INDEXES:
        old, new = (new, old) if backwards else (old, new)
        schema_editor.execute(f'ALTER INDEX {old} RENAME TO {new}')


def rename_gin_indexes_back(apps, schema_editor):
    rename_gin_indexes(apps, schema_editor, backwards=True)


def move_content_types(apps, schema_editor, *, source='search', target='bank'):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    for model in MOVED:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source='bank', target='search')


class Migration(migrations.Migration):

    dependencies = [
        ('bank', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('search', '0004_solution_rows_move_to_bank'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SolutionRowsVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('token', models.CharField(max_length=32)),
                    ],
                    options={
                        'verbose_name': 'версия строк поиска по банку',
                        'verbose_name_plural': 'версии строк поиска по банку',
                        'db_table': 'search_solutionrowsversion',
                    },
                ),
                migrations.CreateModel(
                    name='FacetTotal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('bank_path', models.CharField(max_length=255)),
                        ('audience', models.CharField(max_length=32)),
                        ('key', models.BigIntegerField()),
                        ('count', models.IntegerField(default=0)),
                    ],
                    options={
                        'verbose_name': 'итог по значению фильтра',
                        'verbose_name_plural': 'итоги по значениям фильтров',
                        'constraints': [models.UniqueConstraint(fields=('bank_path', 'audience', 'key'), name='unique_facet_total')],
                        'db_table': 'search_facettotal',
                    },
                ),
                migrations.CreateModel(
                    name='SolutionRow',
                    fields=[
                        ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_row', serialize=False, to='bank.solutionpage')),
                        ('live', models.BooleanField(default=False)),
                        ('restricted', models.BooleanField(default=False)),
                        ('path', models.CharField(max_length=255)),
                        ('audience', models.CharField(max_length=32)),
                        ('published_date', models.DateField(null=True)),
                        ('academic_year', models.PositiveSmallIntegerField(null=True)),
                        ('project_type_id', models.IntegerField(null=True)),
                        ('grade_from', models.PositiveSmallIntegerField(null=True)),
                        ('grade_to', models.PositiveSmallIntegerField(null=True)),
                        ('facet_keys', search.fields.IntegerListField(default=list)),
                    ],
                    options={
                        'verbose_name': 'строка поиска по банку',
                        'verbose_name_plural': 'строки поиска по банку',
                        'indexes': [models.Index(fields=['live', 'published_date'], name='search_row_live_published')],
                        'db_table': 'search_solutionrow',
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name='solutionrowsversion', table=None),
        migrations.AlterModelTable(name='facettotal', table=None),
        migrations.AlterModelTable(name='solutionrow', table=None),
        migrations.RenameIndex(model_name='solutionrow', new_name='bank_row_live_published', old_name='search_row_live_published'),
        migrations.RunPython(rename_gin_indexes, rename_gin_indexes_back, elidable=False),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
