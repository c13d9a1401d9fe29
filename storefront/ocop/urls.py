from django.urls import path

from . import views

app_name = "ocop"
urlpatterns = [
    path("verify/", views.verify_form, name="verify-form"),
    path("verify/<str:number>/", views.verify, name="verify"),
]
