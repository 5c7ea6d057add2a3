"""What every page of the support system shares: who it is for, and who may open it."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from residents.audiences import Audience
from residents.selectors import can_view


class TargetGroup(models.TextChoices):
    """The subjects of support named by the seed ("субъекты сопровождения")."""

    TEACHERS = "teachers", _("педагоги и тьюторы")
    PARENTS = "parents", _("родители")
    STUDENTS = "students", _("обучающиеся")
    COMMUNITY = "community", _("образовательное сообщество")


def login_url() -> str:
    return getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or reverse("wagtailcore_login")


class AudienceGateMixin:
    """Serves the page only to those its audience admits (every route, including the page's own forms).

    An anonymous visitor is sent to log in; a logged-in user who may not see the page gets "not found",
    so neither learns its title. Pages not open to everyone are never stored by shared caches.
    """

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["login_url"] = login_url()
        return context

    def get_sitemap_urls(self, request=None):
        """Only pages open to everyone are listed in the sitemap: an address can tell what is behind it."""
        if self.audience != Audience.EVERYONE:
            return []
        return super().get_sitemap_urls(request)

    def serve(self, request, *args, **kwargs):
        if not can_view(self, user=request.user):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), login_url())
            raise Http404
        response = super().serve(request, *args, **kwargs)
        if self.audience != Audience.EVERYONE:
            patch_cache_control(response, private=True)
        return response
