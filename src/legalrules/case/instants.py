"""Timezone rules for instants: every instant is aware; naive input is Asia/Shanghai."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Any, get_args
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BeforeValidator, Field

LOCAL_ZONE_NAME = "Asia/Shanghai"
LOCAL_ZONE = ZoneInfo(LOCAL_ZONE_NAME)

# The instants legalrules reasons about: from the first Criminal Procedure Law (1979) to the
# end of 2100, Beijing time. Outside it no encoded text applies, the holiday data ends, and
# date arithmetic near year 1 or 9999 overflows; such an instant is an input error.
_BEIJING = timezone(timedelta(hours=8))
EARLIEST = datetime(1979, 1, 1, tzinfo=_BEIJING)
LATEST = datetime(2100, 12, 31, 23, 59, 59, tzinfo=_BEIJING)
RANGE_TEXT = "between 1979-01-01T00:00:00+08:00 and 2100-12-31T23:59:59+08:00"
# Birth dates may lie before 1979; a person born before 1900 is surely a typing error.
EARLIEST_BIRTH = date(1900, 1, 1)
LATEST_DAY = date(2100, 12, 31)


def _not_a_number(value: Any) -> Any:
    # pydantic would read a number as seconds since 1970 (99999999999999 becomes year 5138).
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError("ISO 8601 text (e.g. 2026-11-22T10:25:00+08:00, or 1980-05-01 for a date), "
                         "not a number, which would be read as seconds since 1970")
    return value


def supported(moment: datetime) -> datetime:
    """`moment` if it lies in the supported range; ValueError (saying the range) otherwise."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=LOCAL_ZONE)
    if not EARLIEST <= aware <= LATEST:
        raise ValueError(f"an instant {RANGE_TEXT} (the range legalrules supports)")
    return moment


def _supported_day(value: date) -> date:
    if not EARLIEST_BIRTH <= value <= LATEST_DAY:
        raise ValueError(f"a date between {EARLIEST_BIRTH} and {LATEST_DAY}")
    return value


def _aware(value: datetime) -> datetime:
    # A naive time gets the zone *rule* (not a fixed offset), which is how
    # `naive_instant_paths` later tells which inputs were naive and warns.
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        return value.replace(tzinfo=LOCAL_ZONE)
    return value


DATE_ONLY_EXPECTED = ("a date with a time of day, e.g. 2026-10-05T10:25:00+08:00 (a date alone does not say "
                      "when in the day it happened, and deadlines run to the second)")


def is_date_only(value: Any) -> bool:
    """Whether an instant was given as a bare date (a YAML date, or ISO text without a time)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return True
    if not isinstance(value, str) or len(value.strip()) != 10:
        return False
    try:
        date.fromisoformat(value.strip())
    except ValueError:
        return False  # not a date at all: the datetime parser says what is wrong
    return True


def _with_time(value: Any) -> Any:
    # A bare date would become midnight, so "done on 2026-10-05" would read as done at
    # 00:00 that day: refused, never guessed.
    if is_date_only(value):
        raise ValueError(DATE_ONLY_EXPECTED)
    return value


Instant = Annotated[
    datetime,
    BeforeValidator(_with_time),
    Field(strict=False),  # dates and times arrive as ISO text from YAML and JSON
    BeforeValidator(_not_a_number),
    AfterValidator(_aware),
    AfterValidator(supported),
    Field(
        description=(
            "An ISO 8601 date-time. Give an offset (e.g. 2026-11-22T10:25:00+08:00); "
            "a time without one is read as Asia/Shanghai local time and a warning says so. "
            f"Supported: {RANGE_TEXT}."
        ),
        json_schema_extra={"formatMinimum": EARLIEST.isoformat(), "formatMaximum": LATEST.isoformat()},
    ),
]

CaseDate = Annotated[
    date,
    Field(strict=False),
    BeforeValidator(_not_a_number),
    AfterValidator(_supported_day),
    Field(
        description=f"An ISO 8601 date (YYYY-MM-DD) between {EARLIEST_BIRTH} and {LATEST_DAY}.",
        json_schema_extra={"formatMinimum": EARLIEST_BIRTH.isoformat(), "formatMaximum": LATEST_DAY.isoformat()},
    ),
]


def was_naive(value: datetime) -> bool:
    """Whether this instant came in without an offset (and was read as Asia/Shanghai)."""
    return value.tzinfo is LOCAL_ZONE


_WALKED: dict[type, tuple[str, ...]] = {}


def _fields_to_walk(model_type: type[Any]) -> tuple[str, ...]:
    """Fields of a model that can hold an instant, directly or inside (cached per class)."""
    found = _WALKED.get(model_type)
    if found is None:
        found = _WALKED[model_type] = tuple(
            name for name, field in model_type.model_fields.items() if _may_hold_instant(field.annotation)
        )
    return found


def _may_hold_instant(annotation: Any) -> bool:
    from pydantic import BaseModel

    if annotation is datetime or (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return True
    return any(_may_hold_instant(arg) for arg in get_args(annotation))


def naive_instant_paths(value: Any, path: str = "") -> list[str]:
    """Field paths (e.g. `interrogations[0].start`) of every instant that came in naive."""
    from pydantic import BaseModel

    found: list[str] = []
    if isinstance(value, datetime):
        if was_naive(value):
            found.append(path)
    elif isinstance(value, BaseModel):
        for name in _fields_to_walk(type(value)):
            child = getattr(value, name)
            if child is not None:
                found += naive_instant_paths(child, f"{path}.{name}" if path else name)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            found += naive_instant_paths(item, f"{path}[{index}]")
    return found


def local(value: datetime) -> datetime:
    """The same instant in Asia/Shanghai local time."""
    return value.astimezone(LOCAL_ZONE)


def format_local(value: datetime) -> str:
    """An instant as an officer reads it: local date, weekday, time and offset."""
    moment = local(value)
    return moment.strftime("%Y-%m-%d %a %H:%M") + " (+08:00)"


def age_on(birth: date, day: date) -> int:
    """Completed years of age on `day` (a birthday counts from its own date)."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years
