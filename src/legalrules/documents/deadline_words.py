"""Shared phrasing of deadlines for the table, the iCalendar file and the calendar views.

One place decides how a due time, a duration and a status read, so the three
renderers never disagree. Times are Asia/Shanghai local time, written
`2025-01-27 Mon 10:25`; seconds appear only when they are not :00, so a day
period's end reads honestly as `23:59:59` (the decision's own instant) rather
than a rounded `24:00`. Weekday and month names come from fixed tables, not
`strftime`, so output never depends on the process locale.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Final

from ..decision.deadlines import DeadlineNotStarted, DeadlineOutcome, DeadlineStatus, ExtensionUse, Violation
from ..decision.model import Decision
from ..legaltime.holidays import fallback_warning
from ..case.instants import LOCAL_ZONE_NAME, local
from ..legaltime.wording import duration_text

WEEKDAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS_ZH: Final = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")  # the same days, for Chinese
MONTHS: Final = ("January", "February", "March", "April", "May", "June", "July",
                 "August", "September", "October", "November", "December")
LOCAL_TIME: Final = f"{LOCAL_ZONE_NAME} local time (+08:00)"
ZONE_NOTE: Final = f"times are {LOCAL_TIME}"

# What each status means, for legends; the order is the order a reader meets them.
STATUS_MEANING: Final[dict[DeadlineStatus, str]] = {
    "pending": "not yet done; time is left at the as-of time",
    "missed": "done late, or not done by the due time",
    "met": "done in time",
    "excepted": "an exception in the law lifts the duty",
    "undetermined": "the case leaves out a fact that decides whether it applies",
    "not_recorded": "the due time has passed and the case does not record it done (not a violation: "
                    "the record may be incomplete)",
}


def format_day(day: date) -> str:
    """A date with its weekday, e.g. `2025-01-27 Mon`."""
    return f"{day.isoformat()} {WEEKDAYS[day.weekday()]}"


def format_clock(moment: datetime) -> str:
    """The local time of day: `10:25`, or `23:59:59` when the seconds are not :00."""
    shown = local(moment)
    return shown.strftime("%H:%M:%S" if shown.second else "%H:%M")


def format_due(moment: datetime) -> str:
    """A local instant as a deadline reads, e.g. `2025-01-27 Mon 10:25`."""
    return f"{format_day(local(moment).date())} {format_clock(moment)}"


def month_title(year: int, month: int) -> str:
    """A month's heading, e.g. `October 2026 (2026年10月)`."""
    return f"{MONTHS[month - 1]} {year} ({year}年{month}月)"


def duration_words(seconds: int) -> str:
    """A duration in words, to the minute, e.g. `1 day 6 h 30 min`."""
    return duration_text(timedelta(seconds=seconds))


def is_hour_period(outcome: DeadlineOutcome) -> bool:
    """Whether the deadline counts in hours (the decision gives an hour reading only for those)."""
    return outcome.hour_reading is not None


def status_words(outcome: DeadlineOutcome) -> str:
    """The status in a few words: `met`, `missed by 1 h 35 min`, `pending, 2 days left`, ..."""
    if outcome.status == "missed":
        if outcome.late_by_seconds is None:
            return "missed"
        late = duration_words(outcome.late_by_seconds)
        return f"missed by {late}" if outcome.met_at is not None else f"missed: not done, {late} overdue"
    if outcome.status == "pending":
        if outcome.time_left_seconds is None:
            # The decision gives no time left when an exception has ended and the duty is due at once.
            return "pending, due immediately"
        return f"pending, {duration_words(outcome.time_left_seconds)} left"
    if outcome.status == "not_recorded":
        return "not recorded: the case does not say it was done"
    return outcome.status


def extension_note(outcome: DeadlineOutcome) -> str | None:
    """For a deadline an approved extension moved: when it would have been due without it."""
    if outcome.due == outcome.base_due:
        return None
    return f"extended (approved); without the extension due {format_due(outcome.base_due)}"


def extension_line(option: ExtensionUse) -> str:
    """An extension option the law allows: `extension: special circumstances: due ... if extended [...]`.

    The title is cut at its parenthesis (the period it adds is in the due time shown);
    approval is said only when the case states it.
    """
    due = format_due(option.due) if option.due is not None else "not computed"
    approval = "" if option.approved is None else ("; approved" if option.approved else "; not approved")
    return f"extension: {option.title.split(' (', 1)[0]}: due {due} if extended [{option.citation}]{approval}"


def detail_lines(outcome: DeadlineOutcome) -> list[str]:
    """What a reader needs besides the status: extension, options, what met it, the exception, unknown facts."""
    extended = extension_note(outcome)
    lines = [extended] if extended else []
    if outcome.status not in ("met", "excepted"):
        # Options still open are worth knowing while the clock runs (or after it ran out).
        lines += [extension_line(option) for option in outcome.extensions if not option.approved]
    if outcome.met_at is not None and outcome.status in ("met", "missed"):
        lines.append(f"done: {outcome.met_by} at {format_due(outcome.met_at)}")
    if outcome.status == "excepted" and outcome.exception:
        lines.append(outcome.exception)
    elif outcome.status == "undetermined":
        lines.append("would be decided by: " + ", ".join(outcome.deciding_facts)
                     if outcome.deciding_facts else outcome.status_text)
    elif outcome.status == "pending" and outcome.time_left_seconds is None:
        lines.append(outcome.status_text)
    return lines + list(outcome.caveats)


def outcome_of(decision: Decision, violation: Violation) -> DeadlineOutcome | None:
    """The deadline a violation reports on (a violation names its rule, duty and subject, not its title)."""
    for outcome in decision.deadlines:
        # One clause can set two duties on one subject (CPL Art. 85 para. 2): match the duty too.
        if (outcome.ruleset, outcome.rule_id, outcome.duty, outcome.subject) == (
                violation.ruleset, violation.rule_id, violation.duty, violation.subject):
            return outcome
    return None


def violation_line(decision: Decision, violation: Violation) -> str:
    """One violation in a line: citation, what was due on what, when, and how late."""
    outcome = outcome_of(decision, violation)
    what = outcome.title if outcome is not None else violation.duty
    late = status_words(outcome) if outcome is not None else violation.text
    return f"{violation.citation}: {what} ({violation.subject}), due {format_due(violation.due)}: {late}"


def not_started_line(item: DeadlineNotStarted) -> str:
    """A deadline rule the case has not started, and what it would need."""
    return f"{item.rule_id} {item.title}: {item.missing}"


def _is_fallback(warning: str) -> bool:
    head, _, rest = warning.partition("no official holiday data for ")
    year = rest[:4]
    return not head and year.isdigit() and warning == fallback_warning(int(year))


# Warnings name the case field they concern; deadlines start from measures and events and
# are judged at as_of, so these prefixes (and the calendar fallback) are the relevant ones.
_DEADLINE_FIELDS: Final = ("measures[", "events[", "as_of:")


def deadline_warnings(decision: Decision) -> list[str]:
    """The decision's warnings that bear on deadlines: calendar fallback, extensions, anchor times."""
    return [w for w in decision.warnings if _is_fallback(w) or w.startswith(_DEADLINE_FIELDS)]
