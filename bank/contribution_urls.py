from django.urls import path

from bank import views

app_name = "bank_contributions"
urlpatterns = [
    path("propose/", views.propose, name="propose"),
    path("solutions/<int:solution_id>/reused/", views.reused, name="reused"),
]
