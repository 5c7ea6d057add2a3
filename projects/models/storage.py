"""Where the files of projects live: outside MEDIA_ROOT, so no address serves them; only the checked download
views of `projects.views` send them, to the project's own people."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage() -> FileSystemStorage:
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)
