from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def search_url(context, **changes) -> str:
    """The current search URL with some parameters changed; an empty value removes one; paging restarts."""
    query = context["request"].GET.copy()
    if "page" not in changes:
        query.pop("page", None)
    for name, value in changes.items():
        if value in ("", None):
            query.pop(name, None)
        else:
            query[name] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def facet_url(context, name: str, value) -> str:
    """Selecting a facet value, or unselecting it when it is already selected."""
    current = context["request"].GET.get(name, "")
    return search_url(context, **{name: "" if current == str(value) else value})


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def field_label(form, name: str) -> str:
    field = form.fields.get(name)
    return field.label if field else name
