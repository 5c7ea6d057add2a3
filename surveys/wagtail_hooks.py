from django.urls import path
from wagtail import hooks

from surveys.admin_views import summary


@hooks.register("register_admin_urls")
def register_summary_url():
    return [path("surveys/<int:page_id>/summary/", summary, name="surveys_summary")]
