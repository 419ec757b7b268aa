"""The instruments in force on a case's dates, as text: which are encoded, which are not.

A decision lists, for every dated subject and every chain of instruments, what was in
force. Printed one line per subject would repeat itself; here subjects sharing an
instrument are grouped, and an instrument that is not encoded is marked so the reader
never takes an empty deadline table for "no duty".
"""

from __future__ import annotations

from ...decision.model import Decision, GoverningInstrument
from .wrapping import hanging

WIDTH = 96


def _label(item: GoverningInstrument) -> str:
    if item.instrument is None:
        return "no instrument recorded this early: NOT ENCODED"
    until = item.effective_until.isoformat() if item.effective_until else "in force"
    window = f"{item.effective_from.isoformat() if item.effective_from else '?'} – {until}"
    mark = f"encoded as {item.instrument}" if item.encoded else "NOT ENCODED"
    return f"{item.title_en} / {item.title_zh} ({window}): {mark}"


def governing_lines(decision: Decision) -> list[str]:
    """Per chain, each instrument in force on some subject's date, with the subjects it governed."""
    groups: dict[tuple[str, str], list[str]] = {}
    for item in decision.governing:
        groups.setdefault((item.chain_title, _label(item)), []).append(item.subject)
    lines: list[str] = []
    for (chain, label), subjects in groups.items():
        lines += hanging(f"{chain}: {label} — for {', '.join(subjects)}", "  ", "    ", WIDTH)
    return lines


def not_encoded_lines(decision: Decision, lang: str = "en", chain_titles_zh: dict[str, str] | None = None) -> list[str]:
    """One sentence per instrument not encoded that was in force on some subject's date, naming the subjects."""
    groups: dict[tuple[str, str | None], list[GoverningInstrument]] = {}
    for item in decision.governing:
        if not item.encoded:
            groups.setdefault((item.chain, item.instrument), []).append(item)
    lines = []
    for items in groups.values():
        first = items[0]
        dated = ", ".join(f"{i.subject} ({i.subject_date.isoformat()})" for i in items)
        if lang == "zh":
            lines.append(_not_encoded_zh(first, items, (chain_titles_zh or {}).get(first.chain)))
            continue
        if first.instrument is None:
            lines.append(f"{first.chain_title}: no instrument is recorded this early, for {dated}; "
                         "what governed then is NOT ENCODED")
            continue
        until = first.effective_until.isoformat() if first.effective_until else "in force"
        start = first.effective_from.isoformat() if first.effective_from else "?"
        lines.append(f"{first.chain_title}: {first.title_en} / {first.title_zh} ({start} to {until}) was in force "
                     f"for {dated}; NOT ENCODED: none of its duties or deadlines are computed here")
    return lines


def _not_encoded_zh(first: GoverningInstrument, items: list[GoverningInstrument], chain: str | None) -> str:
    dated = "、".join(f"{i.subject}（{i.subject_date.isoformat()}）" for i in items)
    if first.instrument is None:
        # The chain by its Chinese title (from the rulesets); without one, said without naming it.
        return f"《{chain}》系列：没有早至{dated}的文件记录；当时适用的规定未编码" if chain else \
            f"没有早至{dated}的同类文件记录；当时适用的规定未编码"
    until = first.effective_until.isoformat() if first.effective_until else "现行有效"
    start = first.effective_from.isoformat() if first.effective_from else "?"
    return (f"《{first.title_zh}》（{start} 至 {until}）适用于{dated}；未编码：其义务和期限均未在此计算")
