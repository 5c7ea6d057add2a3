"""The demo's data files: YAML beside each area's loader, read safely, with days counted from the load day."""

import datetime
from importlib.resources import files
from typing import Any

import yaml

# libyaml's parser under PyYAML's safe constructor: the same result as yaml.safe_load, seven times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DemoDataError(ValueError):
    """A data file says something the loader cannot build; the message names the file's value."""


def read_data(package: str, name: str) -> Any:
    """The contents of the data file `name` of `package` (e.g. "bank.demo", "solutions.yaml").

    The safe loader reads only texts, numbers, dates, lists and mappings: a data file never runs code. A file
    that is not YAML is refused with its path, line and column.
    """
    with files(package).joinpath(name).open(encoding="utf-8") as file:
        try:
            return yaml.load(file, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader, in C where libyaml is there)
        except yaml.YAMLError as error:
            raise DemoDataError(f"{name}: {error}") from error


def day(value: datetime.date | dict, *, today: datetime.date) -> datetime.date:
    """A day of the demo: a date as written, or {in_days: N} counted from `today` (negative: before it).

    Upcoming events and open exhibitions are written relative to the day the demo is loaded, so that the
    calendar and the landing are never empty however long after writing the demo is loaded.
    """
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, dict) and set(value) == {"in_days"} and isinstance(value["in_days"], int):
        return today + datetime.timedelta(days=value["in_days"])
    raise DemoDataError(f"Дата должна быть ГГГГ-ММ-ДД или {{in_days: N}}, а не {value!r}")
