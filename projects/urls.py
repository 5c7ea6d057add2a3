from django.urls import path

from projects import views

app_name = "projects"

urlpatterns = [
    path("", views.my_projects, name="mine"),
    path("tutor/", views.tutor_board, name="tutor_board"),
    path("tutor/report.xlsx", views.tutor_report_xlsx, name="tutor_report"),
    path("new/", views.start, name="start"),
    path("open/", views.open_projects, name="open"),
    path("showcase/", views.showcase, name="showcase"),
    path("notifications/", views.notification_settings, name="notifications"),
    path("<int:project_id>/", views.project_detail, name="project"),
    path("<int:project_id>/settings/", views.project_settings, name="settings"),
    path("<int:project_id>/team/add/", views.member_add_page, name="member_add"),
    path("<int:project_id>/do/<slug:name>/", views.project_action, name="action"),
    path("<int:project_id>/do/<slug:name>/<int:target>/", views.project_action, name="action_on"),
    path("<int:project_id>/artefacts/<int:artefact_id>/file/", views.artefact_file, name="artefact_file"),
    path("<int:project_id>/journal/<int:post_id>/file/", views.post_file, name="post_file"),
]
