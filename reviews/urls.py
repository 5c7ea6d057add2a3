from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.desk, name="desk"),
    path("<int:assignment_id>/", views.assignment_detail, name="assignment"),
]
