import unicodedata

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


@register.filter
def nfc(text):
    """Vietnamese in its composed form (Django's own "Tiếng Việt" comes with combining accents, which some
    fonts draw apart and which does not match what a user types or a page search looks for)."""
    return unicodedata.normalize("NFC", str(text))
