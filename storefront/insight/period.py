"""What an insight page covers: a run of whole months and the province, sector and stars filters, read strictly
from the query string (storefront.params: a malformed value is a BadParameter, answered with a 400)."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from storefront.ocop import reference
from storefront.ocop.rules import add_months
from storefront.params import BadParameter, shown, single

MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
#: The default span, and the longest one a page computes (five years of months).
DEFAULT_MONTHS = 12
MAX_MONTHS = 60
#: More values than any filter has (34 provinces is the longest list).
MAX_VALUES = 100


def month_label(value: date) -> str:
    """A month as Vietnamese writes it: 11/2026."""
    return f"{value.month}/{value.year}"


def parse_month(value, name) -> date:
    """'2026-11' -> date(2026, 11, 1); anything else is a BadParameter."""
    match = MONTH.fullmatch(value)
    if not match or not 1 <= int(match[2]) <= 12 or not 2000 <= int(match[1]) <= 2100:
        raise BadParameter(_("%(name)s must be a month written YYYY-MM, e.g. 2026-11 (got %(value)s).")
                           % {"name": name, "value": shown(value)})
    return date(int(match[1]), int(match[2]), 1)


@dataclass(frozen=True)
class Period:
    """Whole months from `first` to `last` inclusive, each given by its 1st day."""

    first: date
    last: date

    @classmethod
    def default(cls, today):
        """The 12 months ending with today's month."""
        last = today.replace(day=1)
        return cls(add_months(last, 1 - DEFAULT_MONTHS), last)

    @classmethod
    def from_query(cls, querydict, today):
        """`from=YYYY-MM&to=YYYY-MM`; a missing end takes the default's."""
        default = cls.default(today)
        first_text, last_text = single(querydict, "from"), single(querydict, "to")
        last = parse_month(last_text, "to") if last_text else default.last
        first = parse_month(first_text, "from") if first_text else add_months(last, 1 - DEFAULT_MONTHS)
        if first > last:
            raise BadParameter(_("The period starts (%(first)s) after it ends (%(last)s).")
                               % {"first": f"{first:%Y-%m}", "last": f"{last:%Y-%m}"})
        period = cls(first, last)
        if len(period.months) > MAX_MONTHS:
            raise BadParameter(_("A period is at most %(max)s months long.") % {"max": MAX_MONTHS})
        return period

    @property
    def months(self) -> tuple[date, ...]:
        count = (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1
        return tuple(add_months(self.first, n) for n in range(count))

    @property
    def end(self) -> date:
        """The day after the period (its upper bound, excluded)."""
        return add_months(self.last, 1)

    def bounds(self) -> tuple[datetime, datetime]:
        """The period as aware datetimes [start, end) in the site's time zone, for indexed timestamp ranges."""
        zone = timezone.get_current_timezone()
        return (timezone.make_aware(datetime.combine(self.first, time.min), zone),
                timezone.make_aware(datetime.combine(self.end, time.min), zone))

    def query(self) -> dict:
        return {"from": f"{self.first:%Y-%m}", "to": f"{self.last:%Y-%m}"}


def _codes(querydict, name, allowed):
    values = [part.strip() for value in querydict.getlist(name) for part in value.split(",") if part.strip()]
    if len(values) > MAX_VALUES:
        raise BadParameter(_("%(name)s takes at most %(max)s values.") % {"name": name, "max": MAX_VALUES})
    wrong = [value for value in values if value not in allowed]
    if wrong:
        raise BadParameter(_("No such %(name)s: %(values)s.") % {"name": name, "values": shown(", ".join(wrong))})
    return tuple(dict.fromkeys(values))


@dataclass(frozen=True)
class InsightFilters:
    """Which producers' figures count: by their province, their products' sector and stars (empty: all)."""

    provinces: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    stars: tuple[int, ...] = ()

    @classmethod
    def from_query(cls, querydict, *, provinces, sectors):
        """`province=…&sector=…&stars=…` (repeated or comma-separated); `provinces` and `sectors` are the codes
        that exist."""
        star_choices = tuple(str(stars) for stars in reference.programme().certified_stars)
        return cls(
            provinces=_codes(querydict, "province", set(provinces)),
            sectors=_codes(querydict, "sector", set(sectors)),
            stars=tuple(sorted(int(value) for value in _codes(querydict, "stars", set(star_choices)))),
        )

    def __bool__(self):
        return bool(self.provinces or self.sectors or self.stars)

    def query(self) -> dict:
        return {"province": list(self.provinces), "sector": list(self.sectors), "stars": list(self.stars)}


def query_string(period, filters, **extra) -> str:
    """The page's query string for `period` and `filters`, plus `extra` parameters."""
    params = {**period.query(), **{k: v for k, v in filters.query().items() if v}, **extra}
    return urlencode(params, doseq=True)
