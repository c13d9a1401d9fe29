"""Reads the programme's reference data (fixtures/reference/*.json) into the rules module's dataclasses.

No Django here either: the loaders, the models and the unit tests all read the same files through it.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from . import rules

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "reference"


def read(name: str) -> dict:
    with open(REFERENCE_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def rule_set_from_data(entry: dict) -> rules.RuleSet:
    return rules.RuleSet(
        code=entry["code"],
        part_maxima={part: Decimal(str(value)) for part, value in entry["part_maxima"].items()},
        effective_from=_date(entry["effective_from"]),
        effective_until=_date(entry.get("effective_until")),
    )


# Reference data is immutable for the life of a process (it ships with the code), so caching it is safe
# even with many workers.
@lru_cache(maxsize=1)
def programme() -> rules.Programme:
    data = read("rule_sets.json")
    periods = tuple(
        rules.CertifyingPeriod(
            starts=_date(period["from"]),
            ends=_date(period.get("until")),
            levels={int(stars): frozenset(rules.Level(level) for level in levels)
                    for stars, levels in period["levels"].items()},
        )
        for period in data["certifying_levels"]
    )
    window = data["renewal_window_days"]
    return rules.Programme(
        star_minima={band["stars"]: Decimal(str(band["min"])) for band in data["star_bands"]},
        certifiable_min_stars=data["certifiable_min_stars"],
        validity_months=data["validity_months"],
        renewal_opens_days=window["opens_before_expiry"],
        renewal_closes_days=window["closes_before_expiry"],
        certifying_periods=periods,
        export_min_stars=data["export_min_stars"],
    )


@lru_cache(maxsize=1)
def province_codes() -> rules.ProvinceCodes:
    data = read("places_2025.json")
    return rules.ProvinceCodes(
        current=frozenset(entry["code"] for entry in data["provinces"]),
        former=frozenset(entry["code"] for entry in data["legacy_provinces"]),
    )


@lru_cache(maxsize=1)
def rule_sets() -> tuple[rules.RuleSet, ...]:
    return tuple(rule_set_from_data(entry) for entry in read("rule_sets.json")["rule_sets"])


def rule_set(code: str) -> rules.RuleSet:
    for candidate in rule_sets():
        if candidate.code == code:
            return candidate
    raise rules.RuleError(f"Không có bộ tiêu chí {code!r}; các bộ hiện có: {', '.join(r.code for r in rule_sets())}.")
