"""The OCOP programme's rules: scores to stars, certificate validity, certifying levels, product codes.

Pure on purpose: dates, numbers and rule data in, answers out; no Django, no database, no settings.
Everything else in the project asks this module and decides nothing of its own. The numbers themselves
(part maxima, star bands, validity, renewal window) are data in fixtures/reference/rule_sets.json,
turned into the dataclasses below by `storefront.ocop.reference`.
"""

from __future__ import annotations

import calendar
import enum
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Mapping

PARTS = ("A", "B", "C")
#: Scores are marked to the hundredth on a council's sheet (and stored so).
SCORE_DECIMALS = 2


class RuleError(ValueError):
    """Input the rules refuse; `messages` holds one sentence per problem, ready to show a user."""

    def __init__(self, messages):
        if isinstance(messages, str):
            messages = [messages]
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))


class Status(enum.StrEnum):
    NOT_YET_VALID = "not_yet_valid"
    VALID = "valid"
    RENEWAL_WINDOW = "renewal_window"
    EXPIRED = "expired"
    REVOKED = "revoked"


#: Statuses under which a product may show its OCOP stars.
BADGE_STATUSES = frozenset({Status.VALID, Status.RENEWAL_WINDOW})


class Level(enum.StrEnum):
    DISTRICT = "district"
    PROVINCE = "province"
    MINISTRY = "ministry"


@dataclass(frozen=True)
class RuleSet:
    """One scoring decision (e.g. 148/2023): the maximum of each part and when it applied."""

    code: str
    part_maxima: Mapping[str, Decimal]
    effective_from: date
    effective_until: date | None = None

    def applies_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)


@dataclass(frozen=True)
class CertifyingPeriod:
    """Who may certify each star level between two dates (districts took part until 1 July 2025)."""

    starts: date
    ends: date | None
    levels: Mapping[int, frozenset[Level]]

    def covers(self, day: date) -> bool:
        return self.starts <= day and (self.ends is None or day <= self.ends)


@dataclass(frozen=True)
class Programme:
    """The programme-wide constants: star bands, validity, renewal window, certifying levels."""

    star_minima: Mapping[int, Decimal]  # stars -> lowest total that earns them
    certifiable_min_stars: int
    validity_months: int
    renewal_opens_days: int
    renewal_closes_days: int
    certifying_periods: tuple[CertifyingPeriod, ...]
    #: 4★ and 5★ products are the ones the programme presents as able to compete and export.
    export_min_stars: int = 4

    @property
    def certified_stars(self) -> tuple[int, ...]:
        """The star levels a certificate can carry, lowest first (3, 4, 5)."""
        return tuple(range(self.certifiable_min_stars, max(self.star_minima) + 1))

    @property
    def export_stars(self) -> tuple[int, ...]:
        """The star levels of the export catalogue (4, 5)."""
        return tuple(range(self.export_min_stars, max(self.star_minima) + 1))


@dataclass(frozen=True)
class Scoring:
    total: Decimal
    stars: int
    certifiable: bool


def to_decimal(value, label: str) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, AttributeError):
        raise RuleError(f"Điểm phần {label} phải là một số (nhận được {value!r}).") from None
    if not number.is_finite():
        raise RuleError(f"Điểm phần {label} phải là một số hữu hạn.")
    return number


def decimal_places(number: Decimal) -> int:
    """How many decimals `number` really carries: trailing zeros do not count (40.50 has one)."""
    _sign, digits, exponent = number.as_tuple()
    if exponent >= 0 or not any(digits):
        return 0
    digits = list(digits)
    while digits[-1] == 0:
        digits.pop()
        exponent += 1
    return max(0, -exponent)


def check_decimals(number: Decimal, label: str) -> None:
    """A score is marked to the hundredth; a finer one is a typing error, refused rather than rounded (28-digit
    arithmetic would otherwise carry 4.9999…9 into the next star band)."""
    if decimal_places(number) > SCORE_DECIMALS:
        raise RuleError(f"Điểm phần {label} chỉ được có tối đa {SCORE_DECIMALS} chữ số thập phân "
                        f"(nhận được {number}).")


def validate_scores(rule_set: RuleSet, scores: Mapping[str, object]) -> dict[str, Decimal]:
    """Check the three part scores against the rule set; over a maximum, or finer than a hundredth, is an
    error, never a clamp or a rounding."""
    problems = []
    clean = {}
    unknown = sorted(set(scores) - set(PARTS))
    if unknown:
        problems.append(f"Không có phần điểm {', '.join(unknown)}; chỉ có A, B, C.")
    for part in PARTS:
        if part not in scores or scores[part] in (None, ""):
            problems.append(f"Thiếu điểm phần {part}.")
            continue
        try:
            value = to_decimal(scores[part], part)
            check_decimals(value, part)
        except RuleError as error:
            problems.extend(error.messages)
            continue
        maximum = Decimal(rule_set.part_maxima[part])
        if value < 0:
            problems.append(f"Điểm phần {part} không được âm (nhận được {value}).")
        elif value > maximum:
            problems.append(
                f"Điểm phần {part} là {value}, vượt tối đa {maximum} của bộ tiêu chí {rule_set.code}."
            )
        clean[part] = value
    if problems:
        raise RuleError(problems)
    return clean


def stars_for_total(programme: Programme, total) -> int:
    total = to_decimal(total, "tổng")
    check_decimals(total, "tổng")
    if total < 0 or total > 100:
        raise RuleError(f"Tổng điểm phải nằm trong 0–100 (nhận được {total}).")
    for stars in sorted(programme.star_minima, reverse=True):
        if total >= programme.star_minima[stars]:
            return stars
    return min(programme.star_minima)


def score(programme: Programme, rule_set: RuleSet, scores: Mapping[str, object]) -> Scoring:
    """Total and stars of a product scored under `rule_set`."""
    parts = validate_scores(rule_set, scores)
    total = sum(parts.values(), Decimal(0))
    stars = stars_for_total(programme, total)
    return Scoring(total=total, stars=stars, certifiable=stars >= programme.certifiable_min_stars)


def rule_set_on(rule_sets, day: date) -> RuleSet:
    """The rule set a council scoring on `day` had to use."""
    for rule_set in rule_sets:
        if rule_set.applies_on(day):
            return rule_set
    raise RuleError(f"Không có bộ tiêu chí OCOP nào áp dụng ngày {day:%d/%m/%Y}.")


def check_rule_set_date(rule_set: RuleSet, issued_on: date) -> None:
    if not rule_set.applies_on(issued_on):
        until = f"{rule_set.effective_until:%d/%m/%Y}" if rule_set.effective_until else "nay"
        raise RuleError(
            f"Bộ tiêu chí {rule_set.code} áp dụng từ {rule_set.effective_from:%d/%m/%Y} đến {until}; "
            f"không dùng được cho chứng nhận ngày {issued_on:%d/%m/%Y}."
        )


def allowed_levels(programme: Programme, stars: int, issued_on: date) -> frozenset[Level]:
    for period in programme.certifying_periods:
        if period.covers(issued_on):
            return frozenset(period.levels.get(stars, frozenset()))
    return frozenset()


def check_certifier(programme: Programme, stars: int, level: str, issued_on: date) -> None:
    """A 5★ needs the Ministry; 3–4★ the province (or, before 1 July 2025, the district for 3★)."""
    if stars < programme.certifiable_min_stars:
        raise RuleError(
            f"Sản phẩm đạt {stars} sao: chỉ sản phẩm từ {programme.certifiable_min_stars} sao trở lên "
            "mới được công nhận và cấp giấy chứng nhận."
        )
    if level not in set(Level):
        raise RuleError(f"Cấp công nhận {level!r} không tồn tại; chọn một trong: {', '.join(Level)}.")
    allowed = allowed_levels(programme, stars, issued_on)
    if Level(level) not in allowed:
        names = ", ".join(sorted(LEVEL_NAMES_VI[item] for item in allowed)) or "không cấp nào"
        raise RuleError(
            f"Sản phẩm {stars} sao công nhận ngày {issued_on:%d/%m/%Y} phải do {names} công nhận, "
            f"không phải {LEVEL_NAMES_VI[Level(level)]}."
        )


LEVEL_NAMES_VI = {Level.DISTRICT: "cấp huyện", Level.PROVINCE: "cấp tỉnh", Level.MINISTRY: "cấp Bộ"}


def add_months(day: date, months: int) -> date:
    """Same day `months` later; the 31st becomes the month's last day where the month is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def valid_until(programme: Programme, issued_on: date) -> date:
    """Last day a certificate is valid: 36 months from issue (that day included)."""
    return add_months(issued_on, programme.validity_months)


def renewal_window(programme: Programme, expires_on: date) -> tuple[date, date]:
    """First and last day to file for renewal: 180 to 120 days before expiry."""
    return (
        expires_on - timedelta(days=programme.renewal_opens_days),
        expires_on - timedelta(days=programme.renewal_closes_days),
    )


def expiries_in_renewal_window(programme: Programme, day: date) -> tuple[date, date]:
    """First and last expiry date whose renewal window holds `day`: renewal_window turned round, for queries."""
    return (
        day + timedelta(days=programme.renewal_closes_days),
        day + timedelta(days=programme.renewal_opens_days),
    )


def status_on(
    programme: Programme,
    day: date,
    *,
    issued_on: date,
    expires_on: date,
    revoked_on: date | None = None,
) -> Status:
    """The certificate's status on `day`; revocation wins from its date on."""
    if revoked_on is not None and revoked_on <= day:
        return Status.REVOKED
    if day < issued_on:
        return Status.NOT_YET_VALID
    if day > expires_on:
        return Status.EXPIRED
    opens, closes = renewal_window(programme, expires_on)
    if opens <= day <= closes:
        return Status.RENEWAL_WINDOW
    return Status.VALID


def shows_badge(status: Status) -> bool:
    return status in BADGE_STATUSES


# --- product codes -------------------------------------------------------------------------------------

PRODUCT_CODE = re.compile(r"^(?P<province>[0-9]{2})-(?P<commune>[0-9]{5})-(?P<sequence>[0-9]{3}|[1-9][0-9]{3})-(?P<year>[0-9]{4})$")
LEGACY_PRODUCT_CODE = re.compile(
    r"^(?P<province>[0-9]{2})-(?P<district>[0-9]{3})-(?P<commune>[0-9]{5})-(?P<sequence>[0-9]{3}|[1-9][0-9]{3})-(?P<year>[0-9]{4})$"
)


@dataclass(frozen=True)
class ProvinceCodes:
    """The provincial codes a product code may carry: the current ones (34 since 1 July 2025) and the former
    ones (63) that older codes, those with a district part, still show."""

    current: frozenset[str]
    former: frozenset[str]

    def check(self, province: str, *, legacy: bool) -> None:
        known, era = (self.former, "trước sáp nhập") if legacy else (self.current, "hiện nay")
        if province not in known:
            raise RuleError(f"Mã tỉnh {province} không phải mã của một trong {len(known)} tỉnh, thành phố {era}.")


@dataclass(frozen=True)
class ProductCode:
    province: str
    commune: str
    sequence: int
    year: int
    district: str | None = None

    @property
    def legacy(self) -> bool:
        return self.district is not None

    def __str__(self) -> str:
        middle = f"{self.district}-" if self.district else ""
        return f"{self.province}-{middle}{self.commune}-{self.sequence:03d}-{self.year}"


def product_code(province: str, commune: str, sequence: int, year: int, *,
                 provinces: ProvinceCodes | None = None) -> str:
    """`(province)-(commune)-(sequence)-(year)`, the format of Decision 26/2026; with `provinces`, the province
    must also be one of the current ones. (None checks the format only: the demo loader does not pass them yet.)"""
    problems = []
    if not re.fullmatch(r"[0-9]{2}", str(province)):
        problems.append(f"Mã tỉnh phải có 2 chữ số (nhận được {province!r}).")
    elif provinces is not None:
        try:
            provinces.check(str(province), legacy=False)
        except RuleError as error:
            problems.extend(error.messages)
    if not re.fullmatch(r"[0-9]{5}", str(commune)):
        problems.append(f"Mã xã phải có 5 chữ số (nhận được {commune!r}).")
    if isinstance(sequence, bool) or not isinstance(sequence, int) or not 1 <= sequence <= 9999:
        problems.append(f"Số thứ tự phải từ 1 đến 9999 (nhận được {sequence!r}).")
    if isinstance(year, bool) or not isinstance(year, int) or not 2018 <= year <= 2100:
        problems.append(f"Năm phải từ 2018 đến 2100 (nhận được {year!r}).")
    if problems:
        raise RuleError(problems)
    return str(ProductCode(str(province), str(commune), sequence, year))


def parse_product_code(code: str, provinces: ProvinceCodes) -> ProductCode:
    """Read a current code (one of the current provinces), or an older one that still carries its district
    part (one of the former provinces)."""
    text = (code or "").strip()
    for pattern in (PRODUCT_CODE, LEGACY_PRODUCT_CODE):  # a 4-digit sequence never starts with 0: it prints back
        match = pattern.fullmatch(text)
        if match:
            parts = match.groupdict()
            # same limits as product_code, so every parsed code prints back unchanged
            product_code(parts["province"], parts["commune"], int(parts["sequence"]), int(parts["year"]))
            provinces.check(parts["province"], legacy=pattern is LEGACY_PRODUCT_CODE)
            return ProductCode(
                province=parts["province"],
                commune=parts["commune"],
                sequence=int(parts["sequence"]),
                year=int(parts["year"]),
                district=parts.get("district"),
            )
    raise RuleError(
        f"Mã sản phẩm {code!r} không đúng định dạng (mã tỉnh)-(mã xã)-(số thứ tự)-(năm), ví dụ 91-30985-012-2026."
    )
