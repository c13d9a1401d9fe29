"""Public pages of the programme's data."""

from django.shortcuts import render
from django.utils import timezone

from .models import Certificate


def verify(request, number):
    """Anyone can check a certificate number (the pack's QR code points here)."""
    certificate = (
        Certificate.objects.select_related("product", "producer", "rule_set").filter(number=number).first()
    )
    status = certificate.status if certificate else None
    return render(
        request,
        "ocop/verify.html",
        {"number": number, "certificate": certificate, "status": status, "today": timezone.localdate()},
        status=200 if certificate else 404,
    )
