"""The landing's "featured solutions" section in the APIs: the solutions the page shows the same caller."""

from api.images import image_data
from bank.selectors import solutions_featured


def landing_api_items(*, request, count: int) -> list[dict]:
    return [
        {
            "id": solution.pk,
            "title": solution.title,
            "url": solution.get_full_url(request),
            "summary": solution.summary,
            "image": image_data(solution.cover, request=request),
        }
        for solution in solutions_featured(user=getattr(request, "user", None), count=count)
    ]
