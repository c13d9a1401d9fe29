from django.urls import path

from . import views

app_name = "producers"
urlpatterns = [
    path("producers/apply/", views.ApplyView.as_view(), name="apply"),
    path("producers/apply/thanks/", views.AppliedView.as_view(), name="applied"),
]
