from wagtail import hooks

from exhibitions.landing import landing_api_items


@hooks.register("api_landing_exhibitions")
def provide_landing_exhibitions(*, request, count: int) -> list[dict]:
    return landing_api_items(request=request, count=count)
