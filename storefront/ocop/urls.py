from django.urls import path

from . import views

app_name = "ocop"
urlpatterns = [path("verify/<str:number>/", views.verify, name="verify")]
