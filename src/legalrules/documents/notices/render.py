"""Notices rendered from a decision: Jinja templates per language, in Markdown or print-ready HTML.

Templates live in `templates/notices/<lang>/` (found through `paths`), one layout
per language and format that every notice of that language extends, and a shared
print stylesheet in `templates/notices/notice.css`. The environments use
StrictUndefined, so a missing value is an error, never a blank; a blank an officer
must fill in is always explicit (a `Particular` whose value is None) and is drawn as
such. HTML is autoescaped. For Markdown every string of the view is escaped before
rendering rather than through `finalize` (as the calendar does), because the notice
templates call macros and `finalize` would escape a macro's output a second time.
Output depends only on the decision and the case: no clock, no locale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass, replace
from functools import cache
from typing import Any, Final, Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..calendar.render import markdown_escape
from ...case.model import CaseFacts
from ..deadline_words import format_due
from ...decision.model import Decision
from .calls import KINDS, NoticeCall, NoticeKind, choose, notice_calls, refusal
from .memos import deadline_memo, recording_memo, summons_record
from .view import NoticeView, family_notice
from .words import Lang
from ...paths import templates_dir

NoticeFormat = Literal["md", "html"]
FORMATS: Final[tuple[NoticeFormat, ...]] = ("md", "html")

Builder = Callable[[Decision, CaseFacts, NoticeCall, Lang], NoticeView]
_BUILDERS: Final[dict[NoticeKind, tuple[str, Builder]]] = {
    "detention_family_notice": ("family_notice", family_notice),
    "arrest_family_notice": ("family_notice", family_notice),
    "designated_residence_family_notice": ("family_notice", family_notice),
    "procuratorate_detention_family_notice": ("family_notice", family_notice),
    "procuratorate_arrest_family_notice": ("family_notice", family_notice),
    "late_notice_record": ("late_notice_record", family_notice),
    "recording_memo": ("recording_memo", recording_memo),
    "deadline_memo": ("deadline_memo", deadline_memo),
    "summons_time_record": ("summons_time_record", summons_record),
}


def template_name(kind: NoticeKind, fmt: NoticeFormat) -> str:
    """The template file of a kind in a format, e.g. `family_notice.html.j2`."""
    return f"{_BUILDERS[kind][0]}.{fmt}.j2"


@cache
def notice_environment(lang: Lang, fmt: NoticeFormat) -> Environment:
    """The Jinja environment of one language and format (templates of that language, then shared ones)."""
    root = templates_dir() / "notices"
    html = fmt == "html"
    environment = Environment(
        loader=FileSystemLoader([root / lang, root]),
        undefined=StrictUndefined,
        autoescape=html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["html"] = html
    return environment


def _escaped(value: Any) -> Any:
    """A view with every string made literal for Markdown (dataclasses and lists walked)."""
    if isinstance(value, str):
        return markdown_escape(value)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _escaped(getattr(value, f.name)) for f in fields(value)})
    return value


def build_notice(decision: Decision, case: CaseFacts, kind: NoticeKind, lang: Lang,
                 subject: str | None = None) -> NoticeView:
    """The view of one notice, or NoticeRefused when the decision does not call for it."""
    call = choose(decision, kind, subject)
    return _BUILDERS[call.kind][1](decision, case, call, lang)


def render_view(view: NoticeView, fmt: NoticeFormat) -> str:
    """A prepared view through its template."""
    if fmt not in FORMATS:
        raise ValueError(f"notice format must be one of {list(FORMATS)}; got {fmt!r}")
    template = notice_environment(view.lang, fmt).get_template(template_name(view.kind, fmt))
    text = template.render(v=view if fmt == "html" else _escaped(view))
    return text.rstrip("\n") + "\n"


def render_notice(decision: Decision, case: CaseFacts, kind: NoticeKind, lang: Lang = "zh",
                  fmt: NoticeFormat = "md", subject: str | None = None) -> str:
    """One notice as Markdown (the default, as the CLI's) or HTML; NoticeRefused when the decision does not call for it."""
    return render_view(build_notice(decision, case, kind, lang, subject), fmt)


def notice_listing(decision: Decision) -> str:
    """Which notices the decision calls for, and why; then each kind it does not call for, and why not."""
    calls = notice_calls(decision)
    lines = [f"Notices for case {decision.case_id} as of {format_due(decision.as_of)} (Asia/Shanghai, +08:00):"]
    width = max(len(kind) for kind in KINDS)
    lines += [f"  {c.kind:<{width}}  {c.subject:<18} {c.why}" for c in calls] or ["  none"]
    absent = [kind for kind in KINDS if kind not in {c.kind for c in calls}]
    if absent:
        lines += ["", "Not called for:"] + [f"  {kind:<{width}}  {refusal(decision, kind)}" for kind in absent]
    lines += ["", "Render one: legalrules notice CASE --kind KIND [--subject SUBJECT] [--lang zh|en] [--format md|html]"]
    return "\n".join(lines) + "\n"
