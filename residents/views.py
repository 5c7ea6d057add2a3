"""Residents' accounts, apart from the admin: log in, log out, password reset by e-mail, "my coworking"."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache

from residents.access import refusal_context
from residents.selectors import audiences_visible


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
    """django-axes' answer after too many failed logins."""
    return render(request, "residents/locked_out.html", status=429)
