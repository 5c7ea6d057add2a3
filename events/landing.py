"""The landing's "upcoming events" section in the APIs: the events the page shows the same caller."""

from wagtail.api.utils import get_full_url

from api.rendering import iso_datetime
from events.selectors import events_landing


def landing_api_items(*, request, count: int) -> list[dict]:
    return [
        {
            "id": event.pk,
            "title": event.title,
            "url": get_full_url(request, url),
            "start": iso_datetime(event.start),
            "end": iso_datetime(event.end),
            "place": event.place_label,
        }
        for event, url in events_landing(request=request, count=count)
    ]
