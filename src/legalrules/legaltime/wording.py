"""Instants, days, periods and durations in the words a deadline's explanation uses."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from ..case.instants import local

if TYPE_CHECKING:
    from .periods import Period


def format_instant(value: datetime) -> str:
    """A local instant with weekday, seconds and offset, e.g. '2025-02-05 Wed 23:59:59 (+08:00)'."""
    moment = local(value)
    offset = moment.strftime("%z")
    return moment.strftime("%Y-%m-%d %a %H:%M:%S") + f" ({offset[:3]}:{offset[3:]})"


def day_text(value: date) -> str:
    return value.strftime("%Y-%m-%d (%a)")


def spans_text(periods: tuple[Period, ...]) -> str:
    first, *rest = periods
    return first.describe() + "".join(f", extended by {p.describe()}" for p in rest)


def duration_text(delta: timedelta) -> str:
    """A duration in words, e.g. '1 day 6 h 30 min'."""
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{days} day{'s' if days != 1 else ''}"] if days else []
    parts += [f"{hours} h"] if hours else []
    parts += [f"{minutes} min"] if minutes else []
    return " ".join(parts) or f"{delta.total_seconds():g} s"
