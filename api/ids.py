"""The range of row ids: an id in an address beyond it is refused before it reaches the database.

Primary keys are PostgreSQL `integer`s (Wagtail's tables): the database fails on a larger number (SQLite on one
of 2^63 or more) instead of finding nothing, so a page or an API answers "not found" or 422 itself."""

MAX_ID = 2_147_483_647


def id_in_range(value: int) -> bool:
    return 1 <= value <= MAX_ID
