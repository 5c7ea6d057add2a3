# The bank's search rows, their version and the facet totals move to the bank app (bank/0002), which renames
# their tables; here they only leave the search app's state, and nothing in the database changes.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_facet_totals'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='FacetTotal'),
                migrations.DeleteModel(name='SolutionRow'),
                migrations.DeleteModel(name='SolutionRowsVersion'),
            ],
        ),
    ]
