"""Residents' accounts, apart from the admin: log in, log out, password reset by e-mail, "my coworking"."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from residents.access import refusal_context
from residents.selectors import audiences_visible
from safeguards.limits import Limit, limit_exceeded
from safeguards.lockouts import lockout_cooloff
from safeguards.requests import client_address


class LoginView(auth_views.LoginView):
    template_name = "residents/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    next_page = "/"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "residents/password_reset.html"
    email_template_name = "residents/password_reset_email.txt"
    subject_template_name = "residents/password_reset_subject.txt"
    success_url = reverse_lazy("residents:password_reset_done")

    def form_valid(self, form):
        """At most a few e-mails per address and per hour, whether or not an account has that address, so the
        limit tells nothing about who is registered and nobody's mailbox can be flooded."""
        email = form.cleaned_data["email"].strip().lower()
        per_email = Limit.parse("password-reset-email", settings.PASSWORD_RESET_EMAIL_LIMIT)
        per_address = Limit.parse("password-reset-address", settings.PASSWORD_RESET_ADDRESS_LIMIT)
        if limit_exceeded(per_address, client_address(self.request)) or limit_exceeded(per_email, email):
            form.add_error(
                "email",
                _(
                    "Письмо для восстановления пароля уже отправлялось недавно. "
                    "Проверьте почту или повторите через час."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "residents/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "residents/password_reset_confirm.html"
    success_url = reverse_lazy("residents:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "residents/password_reset_complete.html"


@never_cache
@login_required
def my_coworking(request):
    """The resident's own page: tier, role, class, contract end, any suspension."""
    context = refusal_context(request.user)
    context["audiences"] = sorted(audiences_visible(user=request.user))
    return render(request, "residents/my_coworking.html", context)


def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes' answer after too many failed logins of one login from one address (JSON in the API)."""
    wait = int(lockout_cooloff(request).total_seconds())
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": _("Слишком много неудачных попыток входа. Попробуйте позже."), "code": "locked_out"}, status=429
        )
    else:
        response = render(request, "residents/locked_out.html", {"wait_minutes": max(wait // 60, 1)}, status=429)
    response["Retry-After"] = str(wait)
    return response
