"""The demo's English: each area's `<app>/demo/english.yaml`, a flat mapping «Russian string: English string»
(the msgids and msgstrs of wagtail-localize's PO export), read here for pages and snippets alike."""

from functools import cache

from django.apps import apps

from pages.demo.data import DemoDataError, read_data

ENGLISH_FILE = "english.yaml"


def _area_strings(package: str) -> dict[str, str]:
    """The strings of the area `package` (e.g. "events.demo"); none where it has no such file. A string without
    English is left out: it keeps its Russian text."""
    try:
        data = read_data(package, ENGLISH_FILE)
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        area = package.removesuffix(".demo")
        raise DemoDataError(f"{area}/demo/{ENGLISH_FILE}: ожидается словарь «русская строка: английская»")
    return {str(russian): str(english) for russian, english in data.items() if english}


@cache
def _every_area_strings() -> dict[str, str]:
    merged: dict[str, str] = {}
    for config in apps.get_app_configs():
        merged.update(_area_strings(f"{config.name}.demo"))
    return merged


def english_strings(package: str | None = None) -> dict[str, str]:
    """The English of one area's demo (`package`: its snippets take their own area's English), or of every
    area's, merged for the pages (one Russian string means the same everywhere; where two areas differ, the
    later app in INSTALLED_APPS wins)."""
    return _area_strings(package) if package is not None else _every_area_strings()
