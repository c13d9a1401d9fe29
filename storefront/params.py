"""Strict reading of request parameters, shared by every public view that takes them.

Whole numbers are ASCII digits only (`str.isdigit()` also accepts "²" and "٣", which `int()` refuses or reads
as another number), every value has a bounded length, choices are checked against the known ones, and text
may not carry control characters (PostgreSQL refuses a NUL in a string). Anything else is a `BadParameter`
whose message says what was wrong; the view answers it with a 400 (JSON for the JSON endpoints), and
Django's own handler does the same if a view forgets to, so a malformed request is never a 500.
"""

import re

from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.utils.translation import gettext as _

ASCII_DIGITS = re.compile(r"[0-9]+")
# C0 controls and DEL, except the tab and line breaks that whitespace handling already deals with
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: The largest primary key an integer column holds (PostgreSQL's integer); a bigger id is a 400, not a 500.
MAX_ID = 2_147_483_647
#: How much of a refused value a message repeats back.
SHOWN_LENGTH = 40


class BadParameter(BadRequest, ValueError):
    """A malformed request parameter; `str()` is a sentence for whoever sent it."""


def bad_request(error: BadParameter) -> HttpResponse:
    """The 400 an HTML page answers a BadParameter with: its sentence, as plain text."""
    return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")


def shown(value) -> str:
    """A refused value as a message quotes it: in quotes, cut short if long."""
    text = str(value)
    return repr(text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH] + "…")


def single(querydict, name, default=""):
    """The one value of `name`; given twice it is ambiguous, so refused rather than silently picked."""
    values = querydict.getlist(name)
    if len(values) > 1:
        raise BadParameter(_("%(name)s is given more than once.") % {"name": name})
    return values[0] if values else default


def whole_number(value, name, *, minimum, maximum) -> int:
    """`value` as an int from `minimum` to `maximum`, written in ASCII digits (never longer than `maximum`)."""
    text = str(value)
    if (len(text) > len(str(maximum)) or not ASCII_DIGITS.fullmatch(text)
            or not minimum <= int(text) <= maximum):
        raise BadParameter(_("%(name)s must be a whole number from %(min)s to %(max)s (got %(value)s).")
                           % {"name": name, "min": minimum, "max": maximum, "value": shown(text)})
    return int(text)


def text(value, name, *, max_length) -> str:
    """`value` as given, if it is at most `max_length` characters and carries no control characters."""
    value = str(value)
    if len(value) > max_length:
        raise BadParameter(_("%(name)s is longer than %(max)s characters.") % {"name": name, "max": max_length})
    if CONTROL_CHARACTERS.search(value):
        raise BadParameter(_("%(name)s contains control characters.") % {"name": name})
    return value


def choice(value, name, choices):
    """`value` if it is one of `choices`; the message lists them."""
    if value not in choices:
        raise BadParameter(_("%(name)s takes only: %(choices)s (got %(value)s).")
                           % {"name": name, "choices": ", ".join(str(c) for c in choices), "value": shown(value)})
    return value
