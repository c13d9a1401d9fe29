"""What happens to an inquiry, in one place: it arrives, the producer quotes or writes, the business replies,
staff remind a silent producer. Each step saves, then e-mails the other side from the worker once the transaction
commits (docs/tasks.md), in the language that side reads: the business's from its inquiry, the producer's
Vietnamese."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from storefront.background.enqueue import enqueue_on_commit
from storefront.site_url import absolute_url

from .models import Inquiry, InquiryMessage, Quote

PRODUCER_LANGUAGE = "vi"


def producer_addresses(producer):
    """The producer's own address and its active dashboard users', without repeats."""
    addresses = [producer.email] if producer.email else []
    addresses += producer.users.filter(is_active=True).exclude(email="").values_list("email", flat=True)
    return list(dict.fromkeys(address.lower() for address in addresses))


def dashboard_link(inquiry):
    return absolute_url(reverse("dashboard:inquiry-detail", kwargs={"pk": inquiry.pk}))


def thread_link(inquiry):
    return absolute_url(inquiry.get_absolute_url())


#: Who receives each e-mail of an inquiry: the producer (its address and users) or the business.
LETTERS = {
    "new_inquiry": "producer", "received": "business", "answer": "business", "business_reply": "producer",
    "reminder": "producer",
}


def tell(letter, inquiry, entry=None):
    """Sends `letter` about `inquiry` (and the quote or message `entry`) from the worker, after this commit."""
    kind = None if entry is None else ("quote" if entry.is_quote else "message")
    enqueue_on_commit(send_inquiry_mail, letter, inquiry.pk, kind, entry.pk if entry else None)


@task()
def send_inquiry_mail(letter, inquiry_id, entry_kind=None, entry_id=None):
    """Renders and sends one e-mail of an inquiry, re-reading it: the producer's in Vietnamese, the business's in
    the language it wrote in. A failure raises, so the worker retries it."""
    inquiry = Inquiry.objects.select_related("product", "producer", "destination_province").get(pk=inquiry_id)
    entry = None
    if entry_kind == "quote":
        entry = Quote.objects.get(pk=entry_id, inquiry=inquiry)
    elif entry_kind == "message":
        entry = InquiryMessage.objects.get(pk=entry_id, inquiry=inquiry)
    to_producer = LETTERS[letter] == "producer"
    addresses = producer_addresses(inquiry.producer) if to_producer else [inquiry.email]
    if not addresses:
        return "no address"
    context = {"shop_name": settings.OSCAR_SHOP_NAME, "inquiry": inquiry, "entry": entry,
               "dashboard_url": dashboard_link(inquiry), "thread_url": thread_link(inquiry),
               "waiting_days": (inquiry.waiting_for() or timedelta()).days}
    template = f"inquiries/email/{letter}"
    with translation.override(PRODUCER_LANGUAGE if to_producer else inquiry.language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    for address in addresses:  # one letter each: a producer's people do not see each other's addresses
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    return "sent"


@transaction.atomic
def receive(form, product, language):
    inquiry = form.save(commit=False)
    inquiry.product, inquiry.producer, inquiry.language = product, product.producer, language
    inquiry.save()
    tell("new_inquiry", inquiry)
    tell("received", inquiry)
    return inquiry


def _answered(inquiry, when):
    if inquiry.first_answered_at is None:
        inquiry.first_answered_at = when
    inquiry.status = Inquiry.Status.ANSWERED
    inquiry.save(update_fields=["first_answered_at", "status"])


@transaction.atomic
def quote(inquiry, form, user):
    entry = form.save(commit=False)
    entry.inquiry, entry.created_by = inquiry, user
    entry.save()
    _answered(inquiry, entry.created_at)
    tell("answer", inquiry, entry)
    return entry


@transaction.atomic
def producer_message(inquiry, form, user):
    entry = form.save(commit=False)
    entry.inquiry, entry.author, entry.author_user = inquiry, InquiryMessage.Author.PRODUCER, user
    entry.save()
    _answered(inquiry, entry.created_at)
    tell("answer", inquiry, entry)
    return entry


@transaction.atomic
def business_reply(inquiry, form):
    entry = form.save(commit=False)
    entry.inquiry, entry.author = inquiry, InquiryMessage.Author.BUSINESS
    entry.save()
    if inquiry.status == Inquiry.Status.CLOSED:
        inquiry.status = Inquiry.Status.OPEN
        inquiry.save(update_fields=["status"])
    tell("business_reply", inquiry, entry)
    return entry


@transaction.atomic
def close(inquiry):
    inquiry.status = Inquiry.Status.CLOSED
    inquiry.save(update_fields=["status"])


@transaction.atomic
def nudge(inquiry):
    """Staff remind the producer of an inquiry still waiting for its first answer. Returns False (and sends
    nothing) when it has been answered meanwhile."""
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if inquiry.first_answered_at is not None:
        return False
    inquiry.last_nudged_at, inquiry.nudge_count = timezone.now(), inquiry.nudge_count + 1
    inquiry.save(update_fields=["last_nudged_at", "nudge_count"])
    tell("reminder", inquiry)
    return True
