from pages.accessibility import LOW_VISION_COOKIE, low_vision_enabled


def accessibility(request):
    """Tells every template whether the version for visually impaired readers is on."""
    return {"low_vision": low_vision_enabled(request), "low_vision_cookie": LOW_VISION_COOKIE}
