"""One date-time format in both APIs: ISO 8601 in the school's time zone with its offset,
e.g. `2026-12-01T15:00:00+03:00` — what Wagtail's API v2 (Django REST framework) already writes."""

import datetime

from django.utils import timezone
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder


def iso_datetime(value: datetime.datetime) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat()


class Encoder(NinjaJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            return iso_datetime(o)
        return super().default(o)


class Renderer(JSONRenderer):
    encoder_class = Encoder
