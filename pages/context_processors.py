from pages.accessibility import CHOICES, LOW_VISION_COOKIE, low_vision_settings


def accessibility(request):
    """Tells every template how the version for visually impaired readers is set.

    `low_vision_settings` is the reader's choice (None when the version is off); `low_vision` is true when
    images are to be left out (the version is on with images off), which is what the areas' templates ask.
    """
    settings = low_vision_settings(request)
    return {
        "low_vision": bool(settings and settings.hides_images),
        "low_vision_settings": settings,
        "low_vision_choices": CHOICES,
        "low_vision_cookie": LOW_VISION_COOKIE,
    }
