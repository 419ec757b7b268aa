"""Calendar views of a decision's deadlines: an HTML month grid or a Markdown agenda, from templates.

The templates live in `templates/calendar/` (found through `paths`, in a checkout
or inside the installed package). Both environments use StrictUndefined, so a
misspelt name in a template is an error rather than an empty cell. HTML is
autoescaped; Markdown output passes every value through `markdown_escape`, so a
case id such as `<script>` or `*x*` prints as itself instead of becoming markup.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..safe_text import one_line
from .view import calendar_view
from ..subjects import SubjectNames
from ..vocabulary import Vocabulary
from ...decision.model import Decision
from ...legaltime.holidays import HolidayCalendar
from ...paths import templates_dir

CalendarFormat = Literal["html", "md"]
TEMPLATES: dict[CalendarFormat, str] = {"html": "month_grid.html.j2", "md": "agenda.md.j2"}

# Characters that start Markdown (or inline HTML) markup wherever they stand, and a `]`
# that would close a link (`](`), a reference (`][`) or a link definition (`]:`).
# Underscores and other brackets are left alone: `measures[0]` and `family_notification`
# are not markup in CommonMark, and escaping them would make the raw file hard to read.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*<>&|]|\](?=[(\[:])")
# What starts a block when it begins a line: a heading, a list item, a setext underline.
_BLOCK_START = re.compile(r"^(\s*)([#+=-])(?=[#+=\s-]|$)|^(\s*\d{1,9})([.)])(?=\s|$)")


def _escape_block_start(match: re.Match[str]) -> str:
    lead, mark = (match.group(1), match.group(2)) if match.group(2) else (match.group(3), match.group(4))
    return f"{lead}\\{mark}"


def markdown_escape(value: Any) -> Any:
    """A template value made literal for Markdown (non-text values pass through unchanged).

    Line breaks and other control characters are shown, not kept, so a value never
    starts a new block (a heading, a table row) however the case was written.
    """
    if isinstance(value, str):
        text = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(), one_line(value))
        return _BLOCK_START.sub(_escape_block_start, text)
    return value


@cache
def calendar_environment(fmt: CalendarFormat, directory: Path | None = None) -> Environment:
    """The Jinja environment for one format, reading templates from `directory` (default: ours)."""
    html = fmt == "html"
    return Environment(
        loader=FileSystemLoader(directory or templates_dir() / "calendar"),
        undefined=StrictUndefined,
        autoescape=html,
        finalize=None if html else markdown_escape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_calendar(decision: Decision, fmt: CalendarFormat, calendar: HolidayCalendar,
                    words: Vocabulary | None = None, names: SubjectNames | None = None) -> str:
    """The decision's deadlines as an HTML month grid (`html`) or a Markdown agenda by day (`md`)."""
    if fmt not in TEMPLATES:
        raise ValueError(f"calendar format must be one of {sorted(TEMPLATES)}; got {fmt!r}")
    template = calendar_environment(fmt).get_template(TEMPLATES[fmt])
    return template.render(view=calendar_view(decision, calendar, words, names))
