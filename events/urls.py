"""The personal calendar: the page where a signed-in user gets the address, and the address itself."""

from django.urls import path, re_path

from events import views

app_name = "events"

urlpatterns = [
    path("account/calendar/", views.calendar_address, name="calendar_address"),
    re_path(r"^calendar/(?P<key>[A-Za-z0-9_-]{20,100})\.ics$", views.personal_feed, name="personal_feed"),
]
