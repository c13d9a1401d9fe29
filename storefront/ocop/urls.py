from django.urls import path

from . import views

app_name = "ocop"
urlpatterns = [
    path("verify/", views.verify_form, name="verify-form"),
    # path: a number with a slash in it still makes a URL (and a QR code), and its lookup answers "not found"
    path("verify/<path:number>/", views.verify, name="verify"),
]
