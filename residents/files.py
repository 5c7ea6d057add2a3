"""Uploaded files are served through a view that checks access, never straight from a public folder.

Wagtail's collection privacy covers documents, not images, and an image's original and renditions live at
predictable addresses under MEDIA_URL. Here every file under MEDIA_URL goes through `serve_media`: an
image (original or rendition) or a document is served only to users who may see content that uses it
(`residents.selectors.files_visible`); files of other apps pass unchanged. Files are sent with Wagtail's
sendfile helper, so production can hand them to the web server (SENDFILE_BACKEND, e.g. nginx X-Accel).
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

from residents.access import refuse
from residents.selectors import can_download


def _owner(path: str):
    """The image or document a media path belongs to (None for other apps' files)."""
    Image = get_image_model()
    if path.startswith("original_images/"):
        return Image.objects.filter(file=path).first() or _missing()
    if path.startswith("images/"):
        rendition = Image.get_rendition_model().objects.filter(file=path).select_related("image").first()
        return rendition.image if rendition else _missing()
    if path.startswith("documents/"):
        return get_document_model().objects.filter(file=path).first() or _missing()
    return None


def _missing():
    raise Http404(_("Файл не найден."))


def serve_media(request, path: str):
    path = posixpath.normpath(path).lstrip("/")
    try:
        full_path = safe_join(str(settings.MEDIA_ROOT), path)
    except Exception as error:
        raise Http404(_("Файл не найден.")) from error
    owner = _owner(path)
    if owner is not None and not can_download(owner, user=request.user):
        return refuse(request)
    options = {}
    if not hasattr(settings, "SENDFILE_BACKEND"):
        options["backend"] = sendfile_streaming_backend.sendfile
    response = sendfile(request, full_path, **options)
    _cache_for_long(response, request, rendition=path.startswith("images/"))
    return response


def _cache_for_long(response, request, *, rendition: bool) -> None:
    """A file an anonymous visitor may download is kept by browsers and shared caches: a rendition for a year
    (its name changes with its image and filter, its bytes never do), an original or a document for a day.
    A signed-in reader's copy stays private (residents.middleware marks it so)."""
    if response.status_code != 200:
        return
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, max_age=3600)
    elif rendition:
        patch_cache_control(response, public=True, max_age=365 * 24 * 3600, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=24 * 3600)
