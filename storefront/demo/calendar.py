"""The demo's clock: one "today" from which every demo date is laid out.

`load_demo` takes its today from the day it runs (or `--today` / `DEMO_TODAY`), and the demo's texts give each
date as a number of days from it, so the site looks the same on any day: one fair past, one running, one
upcoming; one campaign running and one ended; certificates mostly valid, a few in the renewal window, a few
expired. Running it again on a later day moves the calendar forward.
"""

import os
from datetime import date, timedelta

from django.utils import timezone

#: Keys of a demo spec that hold a day offset from the demo's today; each becomes a date of the same name.
DATE_KEYS = ("starts_on", "ends_on", "registration_deadline", "date")
TEXT_KEYS = ("title", "summary", "body", "offer_name")


class DemoClockError(ValueError):
    pass


def demo_today(value=None) -> date:
    """The demo's today: `value` (YYYY-MM-DD), else the DEMO_TODAY environment variable, else the local date."""
    value = value or os.environ.get("DEMO_TODAY", "")
    if not value:
        return timezone.localdate()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise DemoClockError(f"The demo's today must be a date written YYYY-MM-DD (got {value!r}).") from None


def day(value: date) -> str:
    return f"{value:%d/%m/%Y}"


def month(value: date) -> str:
    """"11/2026", as a Vietnamese title writes a month."""
    return f"{value.month}/{value.year}"


def span(start: date, end: date) -> str:
    """A date range as Vietnamese text writes it: 20–26/11/2026, 28/11–04/12/2026, 28/12/2026–03/01/2027."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%d}–{end:%d/%m/%Y}"
    if start.year == end.year:
        return f"{start:%d/%m}–{end:%d/%m/%Y}"
    return f"{day(start)}–{day(end)}"


def lay_out(spec: dict, today: date, context: dict | None = None) -> dict:
    """`spec` with its day offsets turned into dates and its texts filled in.

    A text may name its own dates ({starts_on}, {dates}, {deadline}, {month}, {year}, …) and anything in
    `context` (another item's title or dates, e.g. {fair_hanoi_title})."""
    laid = dict(spec)
    for key in DATE_KEYS:
        if key in spec:
            laid[key] = today + timedelta(days=spec[key])
    words = dict(context or {})
    words.update(text_words(laid))
    for key in TEXT_KEYS:
        if key in laid:
            laid[key] = laid[key].format(**words)
    return laid


def text_words(laid: dict) -> dict:
    """The words a text can use about an item's own dates."""
    first = laid.get("starts_on") or laid.get("date")
    words = {}
    if first:
        words.update(year=first.year, month=month(first), starts=day(first))
    if "ends_on" in laid:
        words.update(ends=day(laid["ends_on"]), dates=span(laid["starts_on"], laid["ends_on"]))
    if "registration_deadline" in laid:
        words["deadline"] = day(laid["registration_deadline"])
    return words


def context_of(key: str, laid: dict) -> dict:
    """What other texts may say about a laid-out item: {KEY_title}, {KEY_dates}, {KEY_deadline}, …"""
    return {f"{key}_{name}": value for name, value in {"title": laid.get("title"), **text_words(laid)}.items()}
