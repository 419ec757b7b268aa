"""The holiday calendar deadlines use: which days are 节假日 under CPL 2018 Art. 105.

CPL 2018 Art. 105 para 4: 期间的最后一日为节假日的，以节假日后的第一日为期满日期……
The law does not list the 节假日. This module answers, for any day, whether it is one,
from three sources in order:

1. a holiday file the user gives (`--holidays`), which takes precedence day by day;
2. the `chinesecalendar` package: the State Council's statutory holidays (with the days
   off moved into them) and its adjusted working days (调休: a Saturday or Sunday made a
   working day is not a 节假日);
3. for a year neither covers (chinesecalendar covers 2004-2026): weekends only. The year
   is recorded so the caller can warn that statutory holidays were not applied.

Whether an ordinary weekend is a 节假日 is not settled by any text here; it is the
switchable reading `weekends` (see WEEKEND_READING_TEXT).
"""

from __future__ import annotations

import hashlib
import threading
from functools import cache
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

import chinese_calendar
from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, ValidationError, model_validator

from ..interpretations import WEEKEND_READING_TEXT, WeekendReading
from ..case.io import short_repr
from ..case.limits import DocumentLimits
from ..case.yaml_lines import YamlLimitError, YamlSyntaxError, line_of, read_yaml_file
from ..errors import HolidayFileError, Problem

# chinesecalendar raises NotImplementedError outside the years its data spans; it derives
# that span from its own table, so we do the same once and never call it outside.
_CC_FIRST_YEAR: int = min(chinese_calendar.holidays).year
_CC_LAST_YEAR: int = max(chinese_calendar.holidays).year

# A range in a holiday file longer than this is almost surely a typo in a year.
MAX_RANGE_DAYS = 366

DaySource = Literal["holiday_file", "chinese_calendar", "weekends_only"]


@dataclass(frozen=True)
class DayStatus:
    """Whether one day is a 节假日, why (in plain words) and which source said so."""

    day: date
    holiday: bool
    reason: str
    source: DaySource


def _date_text(value: Any) -> Any:
    # Pydantic would read a bare number such as 20270101 as seconds since 1970; a holiday
    # file's dates must be written out.
    if isinstance(value, (str, date)):
        return value
    raise ValueError("a date written YYYY-MM-DD, e.g. 2027-02-06")


FileDate = Annotated[date, BeforeValidator(_date_text)]


class DateRange(BaseModel):
    """A run of holidays in a holiday file, both ends included (`{from: ..., to: ...}`)."""

    # defer_build (here and in HolidayFile): validators built when a holiday file is first read,
    # not at the import of every run that counts days.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    start: FileDate = Field(alias="from")
    end: FileDate = Field(alias="to")

    @model_validator(mode="after")
    def _ordered_and_short(self) -> DateRange:
        if self.end < self.start:
            raise ValueError(f"'to' on or after 'from' ({self.start})")
        length = (self.end - self.start).days + 1
        if length > MAX_RANGE_DAYS:
            raise ValueError(f"a range of at most {MAX_RANGE_DAYS} days, not {length} (check the years)")
        return self

    def days(self) -> list[date]:
        """Every day of the range, both ends included."""
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]


def _item_kind(value: Any) -> str:
    return "range" if isinstance(value, dict) else "date"


HolidayItem = Annotated[
    Annotated[FileDate, Tag("date")] | Annotated[DateRange, Tag("range")],
    Discriminator(_item_kind),
]


class HolidayFile(BaseModel):
    """A user's holiday file: extra holidays and working days, overriding chinesecalendar.

    Every year a listed date falls in (and every year in `years`) counts as covered by the
    file: for its unlisted days the weekend rule applies without a fallback warning.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str | None = Field(default=None, description="What the file is, e.g. the notice it copies.")
    years: list[Annotated[int, Field(ge=1, le=9999)]] = Field(
        default_factory=list, description="Years the file describes in full, even with no dates listed."
    )
    holidays: list[HolidayItem] = Field(default_factory=list)
    working_days: list[FileDate] = Field(default_factory=list)

    def holiday_dates(self) -> frozenset[date]:
        """Every holiday the file lists, ranges expanded."""
        out: set[date] = set()
        for item in self.holidays:
            out.update(item.days() if isinstance(item, DateRange) else [item])
        return frozenset(out)

    def covered_years(self) -> frozenset[int]:
        """Years the file speaks for: those of its dates and those in `years`."""
        days = self.holiday_dates() | set(self.working_days)
        return frozenset({d.year for d in days} | set(self.years))


def _describe(value: Any) -> str:
    text = short_repr(value)  # cut while built: a huge value costs no more to show than a short one
    return text if len(text) <= 80 else text[:77] + "..."


_UNION_TAGS = {"date", "range"}


def _problem_from_error(source: str, raw: Any, item: Any) -> Problem:
    # Drop the union's tags ("date"/"range") so the path and line are the user's own keys.
    loc = tuple(p for p in item["loc"] if p not in _UNION_TAGS)
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".") or "(top level)"
    line = line_of(raw, loc)
    where = f"{source}:{line} {path}" if line else f"{source} {path}"

    def located(received: str, expected: str) -> Problem:
        return Problem(where, received, expected, file=source, line=line, field=path)
    kind = item["type"]
    if kind == "extra_forbidden":
        keys = "from, to" if len(loc) >= 3 else "name, years, holidays, working_days"
        return located(f"unknown key {loc[-1]!r}", f"only the keys {keys}")
    if kind == "missing":
        return located("nothing", "this key (it is required)")
    if kind.startswith("date"):
        return located(_describe(item.get("input")), "a date written YYYY-MM-DD, e.g. 2027-02-06")
    if kind.startswith("union_tag") or kind == "model_type":
        expected = "a date YYYY-MM-DD or a range {from: YYYY-MM-DD, to: YYYY-MM-DD}"
        return located(_describe(item.get("input")), expected)
    msg = str(item["msg"]).removeprefix("Input should be ").removeprefix("Value error, ")
    return located(_describe(item.get("input")), msg)


def _fail(source: str, problems: list[Problem]) -> HolidayFileError:
    return HolidayFileError(source, problems)


def _contradictions(source: str, raw: Any, parsed: HolidayFile) -> list[Problem]:
    """Days listed both as a holiday and as a working day: the file must pick one."""
    holidays = parsed.holiday_dates()
    problems = []
    for index, day in enumerate(parsed.working_days):
        if day in holidays:
            line = line_of(raw, ("working_days", index))
            where = f"{source}:{line} working_days[{index}]" if line else f"{source} working_days[{index}]"
            problems.append(Problem(where, f"{day}, which the file also lists as a holiday", "each date listed once",
                                    file=source, line=line, field=f"working_days[{index}]"))
    return problems


def parse_holiday_data(raw: Any, source: str) -> HolidayFile:
    """Validate already-parsed YAML as a holiday file; `source` names it in errors."""
    if not isinstance(raw, dict):
        expected = "a mapping with 'holidays' and/or 'working_days' lists"
        raise _fail(source, [Problem(f"{source}:1", _describe(raw), expected)])
    try:
        parsed = HolidayFile.model_validate(raw)
    except ValidationError as exc:
        problems = [_problem_from_error(source, raw, item) for item in exc.errors(include_url=False)]
        raise _fail(source, problems) from None
    problems = _contradictions(source, raw, parsed)
    if problems:
        raise _fail(source, problems)
    return parsed


def load_holiday_file(path: Path) -> HolidayFile:
    """Read and validate a holiday file; any problem raises HolidayFileError with file and line."""
    source = str(path)
    limits = DocumentLimits.from_environment()
    try:
        if path.stat().st_size > limits.max_bytes:
            raise _fail(source, [Problem(source, f"{path.stat().st_size:,} bytes",
                                         f"at most {limits.max_bytes:,} bytes ({limits.hint('max_bytes')})")])
        raw = read_yaml_file(path, limits)
    except FileNotFoundError:
        raise _fail(source, [Problem(source, "no such file", "a readable YAML holiday file")]) from None
    except UnicodeDecodeError as exc:
        raise _fail(source, [Problem(source, f"bytes that are not UTF-8 ({exc.reason})", "UTF-8 text")]) from None
    except OSError as exc:
        problem = Problem(source, f"an unreadable file ({exc.strerror})", "a readable YAML holiday file")
        raise _fail(source, [problem]) from None
    except YamlLimitError as exc:
        where = f"{source}:{exc.line} {exc.path}" if exc.line else source
        raise _fail(source, [Problem(where, exc.received, exc.expected)]) from None
    except YamlSyntaxError as exc:
        where = f"{source}:{exc.line}" if exc.line else source
        raise _fail(source, [Problem(where, f"malformed YAML ({exc})", "a YAML mapping")]) from None
    return parse_holiday_data(raw, source)


def _festival(name: str) -> str:
    """chinesecalendar's English holiday name with its Chinese name, e.g. 'Spring Festival 春节'."""
    try:
        chinese = chinese_calendar.Holiday(name).chinese
    except ValueError:
        return name
    return f"{name} {chinese}"


@cache
def _chinesecalendar_version() -> str:
    # The package states its version (the one its metadata gives); importlib.metadata
    # (tens of milliseconds to import and search) only when it does not.
    stated = getattr(chinese_calendar, "__version__", None)
    if isinstance(stated, str):
        return stated
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("chinesecalendar")
    except PackageNotFoundError:  # e.g. vendored without its metadata
        return "(version unknown)"


def fallback_warning(year: int) -> str:
    """The warning for a year without official holiday data."""
    return (
        f"no official holiday data for {year}: weekends only, statutory holidays not applied; "
        "give a holiday file with --holidays"
    )


class HolidayCalendar:
    """Answers whether a day is a 节假日 and finds the first working day after one.

    Built once per evaluation: the sources and the weekend reading are fixed at
    construction, so every answer is cached per day. `fallback_years` grows as days in
    years without holiday data are asked about.
    """

    def __init__(
        self,
        *,
        weekends: WeekendReading = "rest_days",
        holiday_file: HolidayFile | None = None,
        source: str | None = None,
    ) -> None:
        if weekends not in WEEKEND_READING_TEXT:
            raise ValueError(f"weekends must be one of {sorted(WEEKEND_READING_TEXT)}; got {weekends!r}")
        self.weekends: WeekendReading = weekends
        self.holiday_file = holiday_file
        # How steps name the file: its path if known, else its `name`.
        self.file_label = source or (holiday_file.name if holiday_file and holiday_file.name else "the holiday file")
        self._file_holidays = holiday_file.holiday_dates() if holiday_file else frozenset()
        self._file_working = frozenset(holiday_file.working_days) if holiday_file else frozenset()
        self._file_years = holiday_file.covered_years() if holiday_file else frozenset()
        self._cache: dict[date, DayStatus] = {}
        self._fallback: set[int] = set()
        self._lock = threading.Lock()

    @classmethod
    def from_file(cls, path: Path, *, weekends: WeekendReading = "rest_days") -> HolidayCalendar:
        """A calendar whose holiday file is read from `path` (HolidayFileError if it is bad)."""
        return cls(weekends=weekends, holiday_file=load_holiday_file(path), source=str(path))

    @property
    def weekend_reading_text(self) -> str:
        """The weekend reading in force, in plain words."""
        return WEEKEND_READING_TEXT[self.weekends]

    @property
    def fallback_years(self) -> frozenset[int]:
        """Years asked about that had no holiday data, so only weekends were applied."""
        with self._lock:
            return frozenset(self._fallback)

    def data_sources(self) -> list[str]:
        """The holiday data in use, named so that a decision can be reproduced: library version, file hash."""
        first, last = min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year
        sources = [f"chinesecalendar {_chinesecalendar_version()} (State Council holidays and adjusted "
                   f"working days, {first}-{last})"]
        if self.holiday_file is not None:
            content = " ".join(sorted(d.isoformat() for d in self._file_holidays)) + " / " + \
                " ".join(sorted(d.isoformat() for d in self._file_working))
            digest = hashlib.sha256(content.encode()).hexdigest()[:16]
            years = ", ".join(str(y) for y in sorted(self._file_years))
            name = self.holiday_file.name or "unnamed"
            sources.insert(0, f"holiday file {name!r} (content sha256:{digest}; years {years}), taking precedence")
        return sources

    def warnings(self) -> list[str]:
        """One warning per fallback year, in year order."""
        return [fallback_warning(year) for year in sorted(self.fallback_years)]

    def status(self, day: date) -> DayStatus:
        """Whether `day` is a 节假日, why, and from which source (cached)."""
        found = self._cache.get(day)
        if found is None:
            found = self._classify(day)
            with self._lock:
                self._cache[day] = found
                if found.source == "weekends_only":
                    self._fallback.add(day.year)
        return found

    def is_holiday(self, day: date) -> bool:
        """Whether `day` is a 节假日 (a statutory holiday or a rest day)."""
        return self.status(day).holiday

    def first_working_day_after(self, day: date) -> date:
        """The first day after `day` that is not a 节假日 (节假日后的第一日)."""
        current = day
        for _ in range(MAX_RANGE_DAYS * 2):
            if current == date.max:
                break
            current += timedelta(days=1)
            if not self.is_holiday(current):
                return current
        # Only a holiday file listing years of consecutive holidays can get here.
        raise HolidayFileError(self.file_label, [Problem(
            self.file_label, f"no working day within {MAX_RANGE_DAYS * 2} days after {day}",
            "holidays separated by working days",
        )])

    def _classify(self, day: date) -> DayStatus:
        if day in self._file_holidays:
            return DayStatus(day, True, f"a holiday in {self.file_label}", "holiday_file")
        if day in self._file_working:
            return DayStatus(day, False, f"a working day in {self.file_label}", "holiday_file")
        if _CC_FIRST_YEAR <= day.year <= _CC_LAST_YEAR:
            try:
                holiday, name = chinese_calendar.get_holiday_detail(day)
            except NotImplementedError:
                pass  # the package's data ends earlier than its table suggests: fall back
            else:
                return self._from_chinese_calendar(day, bool(holiday), name)
        if day.year in self._file_years:
            return self._weekend_rule(day, f"{self.file_label} lists no holiday on this day", "holiday_file")
        return self._weekend_rule(day, f"no official holiday data for {day.year}", "weekends_only")

    def _from_chinese_calendar(self, day: date, holiday: bool, name: str | None) -> DayStatus:
        if name is not None and holiday:
            return DayStatus(day, True, f"a statutory holiday ({_festival(name)})", "chinese_calendar")
        if name is not None:
            reason = f"an adjusted working day (调休 for {_festival(name)})"
            return DayStatus(day, False, reason, "chinese_calendar")
        if day.weekday() >= 5:
            return self._weekend_rule(day, None, "chinese_calendar")
        return DayStatus(day, False, "a working day", "chinese_calendar")

    def _weekend_rule(self, day: date, context: str | None, source: DaySource) -> DayStatus:
        # `context` says why only the weekend rule could answer (None: chinesecalendar did).
        note = f" ({context})" if context else ""
        if day.weekday() < 5:
            return DayStatus(day, False, f"a working day{note}", source)
        weekday = day.strftime("%A")
        if self.weekends == "rest_days":
            return DayStatus(day, True, f"a weekend rest day ({weekday}){note}", source)
        reason = f"a {weekday}, read as a working day under the weekend reading 'working_days'{note}"
        return DayStatus(day, False, reason, source)
