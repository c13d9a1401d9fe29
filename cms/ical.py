"""iCalendar files for fairs (the `icalendar` library): one per fair and a feed of the upcoming ones."""

from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar, Event, vGeo

from storefront.site_url import page_url, public_origin

PRODID = "-//OCOP Market//Fairs//VI"


def fairs_calendar(fairs):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "OCOP Market")
    for fair in fairs:
        calendar.add_component(fair_event(fair))
    return calendar


def fair_event(fair):
    event = Event()
    event.add("uid", f"fair-{fair.pk}@{public_origin().hostname}")  # stable, whichever host served the file
    event.add("summary", fair.title)
    event.add("dtstart", fair.starts_on)
    event.add("dtend", fair.ends_on + timedelta(days=1))  # all-day events end exclusively
    event.add("dtstamp", fair.last_published_at or timezone.now())
    location = ", ".join(part for part in (fair.venue, fair.address, fair.province.name) if part)
    event.add("location", location)
    if fair.latitude is not None and fair.longitude is not None:
        event.add("geo", vGeo((float(fair.latitude), float(fair.longitude))))
    # ORGANIZER must be a mail address (RFC 5545); the organiser's name goes in the description.
    description = "\n".join(part for part in (fair.summary, fair.organiser) if part)
    event.add("description", description)
    url = page_url(fair)
    if url:
        event.add("url", url)
    return event
