"""Turning an applicant or invited user into a producer user: Oscar's own partner mechanism
(Partner.users + the `partner.dashboard_access` permission) is the whole of it."""

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")


def dashboard_access_permission():
    return Permission.objects.get(codename="dashboard_access", content_type__app_label="partner")


def grant_producer_access(user, partner):
    partner.users.add(user)
    user.user_permissions.add(dashboard_access_permission())


@transaction.atomic
def approve(application, staff_user, partner=None):
    """Links the applicant to `partner`, or to a producer created from the application's details."""
    from .models import ProducerApplication

    if partner is None:
        partner = Partner.objects.create(
            name=application.name, legal_type=application.legal_type, province=application.province,
            address=application.address, phone=application.phone, email=application.email,
            description=application.description)
    grant_producer_access(application.applicant, partner)
    application.partner = partner
    application.status = ProducerApplication.Status.APPROVED
    application.decided_by, application.decided_at = staff_user, timezone.now()
    application.save()
    return partner


def reject(application, staff_user):
    from .models import ProducerApplication

    application.status = ProducerApplication.Status.REJECTED
    application.decided_by, application.decided_at = staff_user, timezone.now()
    application.save()
