from django.urls import path, re_path

from . import views

app_name = "inquiries"
urlpatterns = [
    path("inquiries/new/<int:product_pk>/", views.NewInquiryView.as_view(), name="new"),
    path("inquiries/sent/", views.sent, name="sent"),
    # tokens are secrets.token_urlsafe: anything else is not an inquiry's link
    re_path(r"^inquiries/(?P<token>[A-Za-z0-9_-]{20,64})/$", views.ThreadView.as_view(), name="thread"),
]
