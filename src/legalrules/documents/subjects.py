"""What an officer calls a case item: the id the case gives it (`d1`, `q1`), not its position.

Decisions name subjects by position (`measures[1]`, `interrogations[0].interruptions[1]`),
which is stable for machines; what a person reads names them as the case file
does. An item without an id is named by its kind of list and its number counted
from one (`measure 2`, `第2项措施`). `resolve` turns what a person types (`q1`, or
a position) back into the position, so `--subject q1` works.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from ..case.model import CaseFacts
from ..decision.model import Decision
from ..errors import InputError

Lang = Literal["zh", "en"]
_LISTS: Final = ("measures", "events", "interrogations")
_NOUN: Final[dict[str, tuple[str, str]]] = {
    "measures": ("措施", "measure"), "events": ("事件", "event"),
    "interrogations": ("讯问", "interrogation"), "interruptions": ("中断", "interruption"),
}
# An ASCII edge before it, not \b: in Chinese a position may follow a Chinese character (`显示measures[1]`).
_PATH: Final = re.compile(r"(?<![A-Za-z0-9_])(measures|events|interrogations)\[(\d+)\](?:\.interruptions\[(\d+)\])?")


def _unnamed(kind: str, index: int, lang: Lang) -> str:
    zh, en = _NOUN[kind]
    return f"第{index + 1}项{zh}" if lang == "zh" else f"{en} {index + 1}"


class SubjectNames:
    """The case's own names for its measures, events and interrogations, both ways."""

    def __init__(self, case: CaseFacts | None, lang: Lang = "en", also: CaseFacts | None = None) -> None:
        """`also`: another version of the case (`diff`'s first file), naming the items `case` lacks."""
        self.lang = lang
        self.known = case is not None  # without the case, positions are all there is: kept as they are
        self._ids: dict[tuple[str, int], str] = {}
        for source in (also, case):  # the case's own ids win
            if source is None:
                continue
            for kind in _LISTS:
                for index, item in enumerate(getattr(source, kind)):
                    if getattr(item, "id", None):
                        self._ids[(kind, index)] = item.id

    def item(self, kind: str, index: int) -> str:
        """The name of one item of a case list."""
        return self._ids.get((kind, index)) or _unnamed(kind, index, self.lang)

    def name(self, subject: str) -> str:
        """A decision subject (`case`, `measures[1]`, `interrogations[0].interruptions[1]`) as read."""
        if subject == "case":
            return "本案" if self.lang == "zh" else "the case"
        return self.relabel(subject)

    def relabel(self, text: str) -> str:
        """`text` with every item position in it replaced by the item's name (unchanged without the case)."""
        if not self.known:
            return text
        def one(match: re.Match[str]) -> str:
            kind, index, inner = match.group(1), int(match.group(2)), match.group(3)
            name = self.item(kind, index)
            if inner is None:
                return name
            return f"{name}{'的' if self.lang == 'zh' else ' '}{_unnamed('interruptions', int(inner), self.lang)}"
        return _PATH.sub(one, text)

    def resolve(self, typed: str) -> str:
        """The position a person means by `typed` (an id such as `q1`, or a position as decisions write it)."""
        if typed == "case" or _PATH.fullmatch(typed):
            return typed
        found = [f"{kind}[{index}]" for (kind, index), given in self._ids.items() if given == typed]
        if len(found) == 1:
            return found[0]
        known = sorted(set(self._ids.values()))
        if found:
            raise InputError(f"--subject: received {typed!r}, which names {found}; expected an id "
                             "the case gives one item, or a position such as measures[1]")
        raise InputError(f"--subject: received {typed!r}; expected one of the case's ids {known} "
                         "or a position such as measures[1]")


def about(decision: Decision, position: str) -> Decision:
    """The decision cut to one subject (`measures[1]`, as `resolve` gives it) and what lies inside it
    (an interrogation's interruptions): its conclusions, deadlines and violations. What no subject
    holds (warnings, deadlines not started, governing instruments) is kept whole."""
    def concerns(subject: str) -> bool:
        return subject == position or subject.startswith(f"{position}.")
    return decision.model_copy(update={
        "conclusions": [c for c in decision.conclusions if concerns(c.subject)],
        "deadlines": [d for d in decision.deadlines if concerns(d.subject)],
        "violations": [v for v in decision.violations if concerns(v.subject)],
    })
