"""What every area's demo loader is, so that the top-level `demo` app can call them one after another."""

from collections.abc import Callable
from typing import Protocol

from pages.models import HomePage

Report = Callable[[str], None]


class AreaLoader(Protocol):
    """`<app>.demo.loader.load_demo`: builds the area's demo under `home`, leaving what exists as it is."""

    def __call__(self, *, home: HomePage, report: Report) -> None: ...
