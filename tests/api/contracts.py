"""Stored API contracts: what each endpoint answers for the demo, with the parts that change from run to run
masked, so that a change of an answer's shape shows as a diff of a file in `tests/api/contracts/`.

Masked: ids (they depend on the order in which tests made rows), the ids and file names inside addresses,
date-times and dates (the demo's events and bookings move with today; the offset of a date-time is kept, as
it is part of the contract), and the middle of long texts (a demo text edit should not touch the contracts).
"""

import json
import re
from pathlib import Path

CONTRACTS = Path(__file__).resolve().parent / "contracts"

ID_KEYS = re.compile(r"^(id|pk|.*_id|.*_ids)$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?P<offset>Z|[+-]\d{2}:\d{2})?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DIGIT_SEGMENT = re.compile(r"/\d+(?=/|$|\?)")
MEDIA_FILE = re.compile(r"/(media|documents)/(.+/)?[^/?]+")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
LONG_TEXT = 120


def _mask_url(value: str) -> str:
    value = DIGIT_SEGMENT.sub("/<id>", value)
    return MEDIA_FILE.sub(lambda match: f"/{match.group(1)}/<file>", value)


def _mask_string(value: str) -> str:
    match = DATETIME.match(value)
    if match:
        return f"<datetime{match.group('offset') or ''}>"
    if DATE.match(value):
        return "<date>"
    if value.startswith(("http://", "https://", "/")):
        return _mask_url(value)
    if len(value) > LONG_TEXT:
        return value[:LONG_TEXT] + "…"
    return value


def mask(value, key: str = "", volatile: frozenset = frozenset()):
    """The answer with its volatile parts replaced by placeholders; `volatile` names keys masked whole."""
    if key in volatile:
        return f"<{key}>"
    if isinstance(value, dict):
        return {name: mask(item, name, volatile) for name, item in value.items()}
    if isinstance(value, list):
        return [mask(item, key, volatile) for item in value]
    if ID_KEYS.match(key) and _is_id(value):
        return "<id>"
    if key == "srcset" and isinstance(value, str):
        return ", ".join(_mask_srcset_entry(entry) for entry in value.split(", ") if entry)
    if isinstance(value, str):
        return _mask_string(value)
    return value


def _is_id(value) -> bool:
    """Row ids, StreamField block ids (UUIDs), and ids Wagtail writes as text (a revision's `ct_id`: content
    type ids follow the order in which the migrations happened to create them)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, str) and (bool(UUID.match(value)) or value.isdigit()))


def _mask_srcset_entry(entry: str) -> str:
    url, _space, width = entry.rpartition(" ")
    return f"{_mask_url(url)} {width}"


def path_of(name: str) -> Path:
    return CONTRACTS / f"{name}.json"


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
