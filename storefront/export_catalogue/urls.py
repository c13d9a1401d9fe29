from django.urls import path

from . import views

app_name = "export_catalogue"
urlpatterns = [
    path("export/", views.ExportCatalogueView.as_view(), name="index"),
    path("export/catalogue.pdf", views.ExportCataloguePdfView.as_view(), name="pdf"),
]
