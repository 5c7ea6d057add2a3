"""What the search app tells other apps, so that it need not know them."""

from django.dispatch import Signal

# Sent by `manage.py update_index` once Wagtail's indexes are rebuilt, for apps that keep rows derived from
# them (the bank's search rows and facet totals) to rebuild those too. Receivers get `progress`: call it as
# `progress(total=, desc=, unit=)` for a progress bar (a context manager with `update(n)`) that follows the
# command's verbosity. Errors are not caught: a failed rebuild fails the command.
index_rebuilt = Signal()
