from django import template

register = template.Library()


@register.simple_tag
def route_url(page, name: str, *args) -> str:
    """The URL of one of MeetingRoomsPage's routes, e.g. {% route_url page "room" room.pk %}."""
    return page.url + page.reverse_subpage(name, args=args)
