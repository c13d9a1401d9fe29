"""Demo certificates laid out from the demo's today.

The demo file gives each certificate as it was written (scores, certifying level, authority, decision number)
and how many days before the demo's today it was issued. Moved to a later today, a certificate keeps its stars
and its place in the mix (valid, in the renewal window, expired, revoked) while everything that follows from
its date follows the date: the rule set in force, who could certify it, the authority's name, the year in its
number. The rules module decides each of those; this module only asks it.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from storefront.ocop import reference, rules

UBND_DECISION = "QĐ-UBND"  # a People's Committee's decision; the ministry's suffix is data, by date


@dataclass(frozen=True)
class LaidCertificate:
    issued_on: date
    revoked_on: date | None
    rule_set_code: str
    scores: dict
    level: str
    authority: str
    decision_number: str

    def number(self, province_code, sequence):
        """OCOP-(province)-(year of issue)-(sequence): the year follows the date."""
        return f"OCOP-{province_code}-{self.issued_on.year}-{sequence:04d}"


class CertificateLayout:
    """Turns the demo file's certificates into dated certificates for a given today."""

    def __init__(self, today, rule_sets, calendar):
        """`calendar` is the demo file's block of that name: when it was written, the ministry's names by date."""
        self.today = today
        self.programme = reference.programme()
        self.rule_sets = [rule_set.as_rules() for rule_set in rule_sets]
        self.ministries = [(date.fromisoformat(entry["from"]), entry) for entry in calendar["ministry"]]
        self.authored_on = date.fromisoformat(calendar["authored_on"])
        # the places file's version is the day the 34 provinces came into force (1 July 2025)
        self.merged_on = date.fromisoformat(reference.read("places_2025.json")["version"])

    def lay_out(self, spec, province) -> LaidCertificate:
        issued_on = self.today - timedelta(days=spec["issued_days_ago"])
        written_on = self.authored_on - timedelta(days=spec["issued_days_ago"])
        rule_set = rules.rule_set_on(self.rule_sets, issued_on)
        scores = fit_scores({part: Decimal(str(value)) for part, value in spec["scores"].items()},
                            rule_set.part_maxima)
        stars = rules.score(self.programme, rule_set, scores).stars
        level, authority = spec["level"], spec["authority"]
        allowed = rules.allowed_levels(self.programme, stars, issued_on)
        if rules.Level(level) not in allowed:  # e.g. a district's 3★ moved past 1 July 2025: the province's now
            level = rules.Level.PROVINCE if rules.Level.PROVINCE in allowed else sorted(allowed)[0]
            authority = ""
        if level == rules.Level.PROVINCE and (written_on < self.merged_on) != (issued_on < self.merged_on):
            authority = ""  # written for one side of the 2025 merger of provinces, now issued on the other
        number = spec["decision_number"].split("/", 1)[0]
        if level == rules.Level.MINISTRY:
            ministry = self.ministry_on(issued_on)
            authority, suffix = ministry["authority"], ministry["decision_suffix"]
        else:
            authority, suffix = authority or provincial_authority(province), UBND_DECISION
        revoked = spec.get("revoked")
        return LaidCertificate(
            issued_on=issued_on,
            revoked_on=self.today - timedelta(days=revoked["days_ago"]) if revoked else None,
            rule_set_code=rule_set.code, scores=scores, level=str(level), authority=authority,
            decision_number=f"{number}/{suffix}",
        )

    def ministry_on(self, day):
        return max(((start, entry) for start, entry in self.ministries if start <= day),
                   key=lambda pair: pair[0], default=self.ministries[0])[1]


def provincial_authority(province):
    """"Ủy ban nhân dân tỉnh An Giang", "Ủy ban nhân dân thành phố Huế": the People's Committee of today's unit."""
    return f"Ủy ban nhân dân {province.full_name[:1].lower()}{province.full_name[1:]}"


def fit_scores(scores, maxima):
    """The same total spread over another rule set's part maxima (1048/2019 weighed A 35, C 40; later sets
    A 40, C 35): scores that already fit are kept as written."""
    if all(scores[part] <= Decimal(maxima[part]) for part in scores):
        return scores
    return split_total(sum(scores.values(), Decimal(0)), maxima)


def split_total(total, maxima):
    """Part scores, in quarter points, that add up to `total` and respect each part's maximum."""
    parts = {}
    remaining = total
    names = list(maxima)
    for index, part in enumerate(names):
        rest_max = sum(Decimal(maxima[name]) for name in names[index + 1:])
        low = max(Decimal(0), remaining - rest_max)
        high = min(Decimal(maxima[part]), remaining)
        if index == len(names) - 1:
            value = remaining
        else:
            share = Decimal(maxima[part]) / sum(Decimal(maxima[name]) for name in names[index:])
            value = min(high, max(low, (remaining * share * 4).quantize(Decimal(1)) / 4))
        parts[part] = value
        remaining -= value
    return parts
