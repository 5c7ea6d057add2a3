"""The landing's "exhibitions open now" section in the APIs: the exhibitions the page shows the same caller."""

from django.utils import timezone

from api.images import image_data
from exhibitions.models import ExhibitionPage
from exhibitions.selectors import exhibitions_current


def landing_api_items(*, request, count: int) -> list[dict]:
    exhibitions = exhibitions_current(
        queryset=ExhibitionPage.objects.select_related("cover_image"),
        user=getattr(request, "user", None),
        today=timezone.localdate(),
        limit=count,
    )
    return [
        {
            "id": page.pk,
            "title": page.title,
            "url": page.get_full_url(request),
            "opens_on": page.opens_on.isoformat(),
            "closes_on": page.closes_on.isoformat() if page.closes_on else None,
            "image": image_data(page.cover_image, request=request),
        }
        for page in exhibitions
    ]
