"""What a page tells search engines and link previews: description, canonical address, translations, picture.

Pages give their own defaults (`BasePage.meta_description`, `meta_image`); a view of a routable page (an
event, an exhibit, a room) passes what it shows instead.
"""

from dataclasses import dataclass

from django.conf import settings as django_settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.text import Truncator
from wagtail.models import Page, Site

from pages.models.site_settings import SchoolSettings
from pages.selectors import SchoolTexts, school_texts
from residents import request_cache

DESCRIPTION_LENGTH = 200
HOME_ALTERNATES_KEY = "pages:home-alternates:{site}"
HOME_ALTERNATES_TIMEOUT = 60 * 60
# 1.91:1, the proportion link previews (VK, Telegram, Open Graph) show without cropping.
SHARE_RENDITION = "fill-1200x630"
OG_LOCALES = {"ru": "ru_RU", "en": "en_GB"}


@dataclass(frozen=True)
class Alternate:
    language: str
    url: str  # absolute, for search engines
    path: str  # as the site's own links are written, for the language switch


@dataclass(frozen=True)
class Metadata:
    title: str
    description: str
    canonical_url: str
    site_name: str
    locale: str
    og_type: str
    image_url: str = ""
    image_alt: str = ""
    image_width: int | None = None
    image_height: int | None = None
    alternates: tuple[Alternate, ...] = ()


def _plain(text: str) -> str:
    return Truncator(" ".join((text or "").split())).chars(DESCRIPTION_LENGTH)


def page_alternates(page: Page, *, request) -> tuple[Alternate, ...]:
    """The live translations of the page, itself included, each at the same place below the page: the
    address of an event under the events page keeps its `<id>/` in the other language.

    Read once per request and page: the head's `hreflang` links and the header's language switch share it."""
    if not page.pk:
        return ()
    memo = request.__dict__.setdefault("_page_alternates", {})
    if page.pk not in memo:
        memo[page.pk] = _alternates(page, request=request)
    return memo[page.pk]


def home_alternates(*, request) -> tuple[Alternate, ...]:
    """The site's home page in each language it is published in: the language switch of every view that is
    not a page (login, a project) shows it, so it comes from the shared cache, forgotten when a home page or
    a site is saved or deleted."""
    site = Site.find_for_request(request)
    if site is None:
        return ()
    return request_cache.shared(
        HOME_ALTERNATES_KEY.format(site=site.pk),
        lambda: _home_alternates(site, request=request),
        HOME_ALTERNATES_TIMEOUT,
    )


def _home_alternates(site: Site, *, request) -> tuple[Alternate, ...]:
    homes = Page.objects.live().filter(translation_key=site.root_page.translation_key).select_related("locale")
    return tuple(
        Alternate(home.locale.language_code, home.get_full_url(request), home.get_url(request))
        for home in homes.order_by("pk")
    )


@receiver(post_save)
@receiver(post_delete)
def forget_home_alternates(sender, instance, **kwargs):
    # A site's home pages (its root page and the root's translations) are right below the tree's root.
    if isinstance(instance, Site) or (isinstance(instance, Page) and (instance.depth or 0) <= 2):
        for site_pk in Site.objects.values_list("pk", flat=True):
            request_cache.forget(HOME_ALTERNATES_KEY.format(site=site_pk))


def _alternates(page: Page, *, request) -> tuple[Alternate, ...]:
    page_url = page.get_url(request)
    if not page_url:
        return ()
    suffix = request.path[len(page_url) :] if request.path.startswith(page_url) else ""
    translations = (
        Page.objects.live().filter(translation_key=page.translation_key).select_related("locale").order_by("pk")
    )
    alternates = []
    for translation in translations:
        url, path = translation.get_full_url(request), translation.get_url(request)
        if url:
            alternates.append(Alternate(translation.locale.language_code, url + suffix, path + suffix))
    return tuple(alternates)


def _other_languages_too(alternates: tuple[Alternate, ...]) -> tuple[Alternate, ...]:
    return alternates if len(alternates) > 1 else ()


def _image_alt(image, *, logo, school: SchoolTexts, language: str) -> str:
    """The picture's alt text. The school's logo, which stands in for a page without a picture of its own, is
    named by the school's short name outside Russian: its alt text and title are written in Russian."""
    if image == logo and language != django_settings.LANGUAGE_CODE and school.short_name:
        return school.short_name
    return getattr(image, "default_alt_text", "") or image.title


def metadata_for(
    *, request, page: Page | None, language: str, title: str = "", description: str = "", image=None
) -> Metadata:
    settings = SchoolSettings.for_request(request)
    school = school_texts(school=settings, language=language)
    # The site's own address (PUBLIC_BASE_URL, given to the site by set_site_address), not the request's Host.
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    specific = getattr(page, "specific_deferred", page)
    title = title or (getattr(page, "seo_title", "") or getattr(page, "title", ""))
    description = description or getattr(specific, "meta_description", "")
    image = image or getattr(specific, "meta_image", None) or settings.logo
    metadata = {
        "title": title,
        "description": _plain(description),
        "canonical_url": root_url + request.path,
        "site_name": school.school_name or school.short_name,
        "locale": OG_LOCALES.get(language, language),
        "og_type": "article" if page is not None and page.depth > 2 else "website",
        "alternates": _other_languages_too(page_alternates(page, request=request)) if page is not None else (),
    }
    if image is not None:
        rendition = image.get_rendition(SHARE_RENDITION)
        metadata.update(
            image_url=rendition.url if "://" in rendition.url else root_url + rendition.url,
            image_alt=_image_alt(image, logo=settings.logo, school=school, language=language),
            image_width=rendition.width,
            image_height=rendition.height,
        )
    return Metadata(**metadata)
