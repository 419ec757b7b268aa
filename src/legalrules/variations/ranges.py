"""The values a sweep takes: `FROM..TO[:STEP]` over dates, instants and numbers, or a list of values.

`--vary measures[d1].start=2026-09-30T00:00+08:00..2026-10-01T06:00+08:00:1h`
gives the instants hour by hour; dates step by days (`:7d`), numbers by their
step (`:0.5`), and an enum or a bool takes a comma-separated list or `*` for
every value the case model allows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..case.instants import LOCAL_ZONE
from ..errors import InputError
from .fact_paths import FactPath, FieldType, field_type, parse_path

MAX_POINTS = 1000  # a sweep evaluates the case once a point; more is a mistake, not a sweep
_DURATION = re.compile(r"^(\d+)\s*([mhd]?)$")
_UNITS = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1)}


@dataclass(frozen=True)
class Sweep:
    """A path and the values it takes, in order, as YAML would give them (text for dates and times)."""

    path: FactPath
    field: FieldType
    values: tuple[Any, ...]
    text: str


def _fail(spec: str, received: str, expected: str) -> InputError:
    return InputError(f"--vary {spec}: received {received}; expected {expected}")


def parse_sweep(spec: str) -> Sweep:
    """Parse `PATH=FROM..TO[:STEP]`, `PATH=a,b,c` or `PATH=*` against the type the model gives PATH."""
    path_text, equals, body = spec.partition("=")
    if not equals:
        raise _fail(spec, "no '='", "PATH=FROM..TO[:STEP], PATH=a,b,c or PATH=*")
    path = parse_path(path_text.strip(), "--vary")
    field = field_type(path)
    body = body.strip()
    if body == "*" or (".." not in body):
        values = _listed(spec, field, body)
    else:
        values = _ranged(spec, field, body)
    if not values:
        raise _fail(spec, "no values", "at least one value")
    if len(values) > MAX_POINTS:
        raise _fail(spec, f"{len(values)} points", f"at most {MAX_POINTS}: widen the step or narrow the range")
    return Sweep(path, field, tuple(values), spec)


def _listed(spec: str, field: FieldType, body: str) -> list[Any]:
    if body == "*":
        if not field.values:
            raise _fail(spec, f"'*' for a {field.kind}", "'*' only for a bool or an enum; give FROM..TO[:STEP]")
        return list(field.values)
    from ..case.yaml_lines import parse_yaml  # noqa: PLC0415 - values read as a case file reads them

    return [parse_yaml(item.strip()) for item in body.split(",") if item.strip()]


def _split(spec: str, body: str) -> tuple[str, str, str | None]:
    # An instant's offset has a colon (+08:00): the step is what follows the last colon after TO
    # only if it looks like a step.
    low, _, rest = body.partition("..")
    step = None
    head, colon, tail = rest.rpartition(":")
    if colon and re.fullmatch(r"\d+(\.\d+)?\s*[mhdy]?", tail.strip()):
        rest, step = head, tail.strip()
    return low.strip(), rest.strip(), step


def _ranged(spec: str, field: FieldType, body: str) -> list[Any]:
    low, high, step = _split(spec, body)
    if field.kind == "instant":
        return _instants(spec, low, high, step or "1h")
    if field.kind == "date":
        return _dates(spec, low, high, step or "1d")
    if field.kind in ("int", "float"):
        return _numbers(spec, field, low, high, step or "1")
    raise _fail(spec, f"a range for a {field.kind} field", "a range only for dates, instants and numbers; "
                "for a bool or an enum list the values or give '*'")


def _duration(spec: str, step: str, default_unit: str) -> timedelta:
    match = _DURATION.match(step)
    if match is None or int(match.group(1)) == 0:
        raise _fail(spec, f"the step {step!r}", "a whole positive number of minutes, hours or days, e.g. 1h, 30m, 2d")
    return int(match.group(1)) * _UNITS[match.group(2) or default_unit]


def _instant(spec: str, text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _fail(spec, repr(text), "an ISO 8601 date-time such as 2026-09-30T21:00+08:00") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=LOCAL_ZONE)


def _instants(spec: str, low: str, high: str, step: str) -> list[Any]:
    start, end, delta = _instant(spec, low), _instant(spec, high), _duration(spec, step, "h")
    if end < start:
        raise _fail(spec, f"{high} before {low}", "TO no earlier than FROM")
    out: list[Any] = []
    moment = start
    while moment <= end and len(out) <= MAX_POINTS:
        out.append(moment.isoformat())
        moment += delta
    return out


def _dates(spec: str, low: str, high: str, step: str) -> list[Any]:
    try:
        start, end = date.fromisoformat(low), date.fromisoformat(high)
    except ValueError:
        raise _fail(spec, f"{low!r}..{high!r}", "ISO dates such as 2008-03-01..2008-03-20") from None
    if end < start:
        raise _fail(spec, f"{high} before {low}", "TO no earlier than FROM")
    years = re.fullmatch(r"(\d+)\s*y", step)
    if years is not None:  # ages: a birth date a year apart, on the same day of the year
        return _yearly(spec, start, end, int(years.group(1)))
    delta = _duration(spec, step, "d")
    if delta % timedelta(days=1):
        raise _fail(spec, f"the step {step!r} for dates", "whole days or years, e.g. 1d, 7 or 1y")
    out: list[Any] = []
    day = start
    while day <= end and len(out) <= MAX_POINTS:
        out.append(day.isoformat())
        day += delta
    return out


def _yearly(spec: str, start: date, end: date, years: int) -> list[Any]:
    if years == 0:
        raise _fail(spec, "a step of 0 years", "a whole positive number of years, e.g. 1y")
    out: list[Any] = []
    count = 0
    while len(out) <= MAX_POINTS:
        year = start.year + count * years
        # 29 February in a common year is read as 28 February (the day before 1 March).
        day = start.replace(year=year, day=min(start.day, 28 if start.month == 2 and not _leap(year) else start.day))
        if day > end:
            break
        out.append(day.isoformat())
        count += 1
    return out


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _numbers(spec: str, field: FieldType, low: str, high: str, step: str) -> list[Any]:
    try:
        start, end, delta = float(low), float(high), float(step)
    except ValueError:
        raise _fail(spec, f"{low!r}..{high!r}:{step!r}", "numbers, e.g. 8..12 or 0..2:0.5") from None
    if delta <= 0 or end < start:
        raise _fail(spec, f"{low}..{high}:{step}", "a positive step and TO no smaller than FROM")
    whole = field.kind == "int"
    if whole and not all(x.is_integer() for x in (start, end, delta)):
        raise _fail(spec, f"{low}..{high}:{step}", "whole numbers: the field holds an integer")
    out: list[Any] = []
    count = 0
    while start + count * delta <= end + 1e-9 and len(out) <= MAX_POINTS:
        value = start + count * delta
        out.append(int(value) if whole else round(value, 9))
        count += 1
    return out
