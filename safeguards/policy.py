"""The Content-Security-Policy of every page (read by the settings): scripts only from the site, no CDN.

The site's templates have no inline script and no inline event handler, and the API docs' Swagger UI is
served from the site's static files (django-ninja's, pinned with it), so `script-src 'self'` holds on
every public page and the docs (the Wagtail admin's additions are in `safeguards.csp`). Inline styles are
allowed: the Wagtail admin and its userbar on the site's pages set `style` attributes, and a style cannot
run code. Videos are embedded only from the hosts `blocks.video` builds players for.
"""

from csp.constants import NONE, SELF, UNSAFE_INLINE

VIDEO_HOSTS = ["https://www.youtube-nocookie.com", "https://rutube.ru", "https://vkvideo.ru"]

POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, *VIDEO_HOSTS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
