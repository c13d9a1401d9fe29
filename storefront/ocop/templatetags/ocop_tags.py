from django import template

from ..models import today
from ..rules import Status
from ..status import STATUS_LABELS

register = template.Library()


@register.simple_tag
def certificate_status(certificate):
    return certificate.status_on(today())


@register.filter
def status_label(status):
    return STATUS_LABELS.get(Status(status), status) if status else ""
