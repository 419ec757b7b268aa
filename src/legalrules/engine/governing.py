"""For every dated subject of a case, the instrument of each chain in force on its date.

A ruleset says nothing about a day outside its window; without this, a 2015 detention
would read as "no deadline has started". Here each subject (the case, each
interrogation, each measure with a start) is dated as the engine dates it, and each
chain of instruments (the CPL, the procuratorate's rules) names what governed that day:
an encoded ruleset, an instrument that is not encoded, or nothing recorded that early.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from ..case.instants import local
from ..case.model import CaseFacts
from ..decision.model import GoverningInstrument
from ..decision.output import made
from ..ruleformat.chains import InstrumentChain
from .frames import Frame


def dated_subjects(frames: Sequence[Frame], case: CaseFacts) -> list[tuple[str, date, str]]:
    """(subject, local day, what dated it) for the case, its interrogations and its measures with a start."""
    out = [(f.id, f.date, f.date_source) for f in frames if f.scope in ("case", "interrogation")]
    out += [(f"measures[{i}]", local(m.start).date(), f"measures[{i}].start")
            for i, m in enumerate(case.measures) if m.start is not None]
    return out


def _one(chain: InstrumentChain, subject: str, day: date, source: str) -> GoverningInstrument:
    entry = chain.on(day)
    dated = f"{subject} ({day.isoformat()}, from {source}): {chain.title.en}:"
    if entry is None:
        first = chain.entries[0]
        return made(GoverningInstrument,
            chain=chain.id, chain_title=chain.title.en, subject=subject, subject_date=day, date_source=source,
            instrument=None, title_en=None, title_zh=None, effective_from=None, effective_until=None,
            encoded=False,
            text=(f"{dated} no instrument is recorded before {first.title.en} ({first.window_text()}); "
                  "what governed then is NOT ENCODED"))
    if entry.ruleset is not None:
        text = f"{dated} {entry.title.en} ({entry.window_text()}) was in force; encoded as {entry.ruleset}"
    else:
        text = (f"{dated} {entry.title.en} / {entry.title.zh} ({entry.window_text()}) was in force; "
                "NOT ENCODED: none of its duties or deadlines are computed here")
    return made(GoverningInstrument,
        chain=chain.id, chain_title=chain.title.en, subject=subject, subject_date=day, date_source=source,
        instrument=entry.instrument, title_en=entry.title.en, title_zh=entry.title.zh,
        effective_from=entry.effective_from, effective_until=entry.effective_until,
        encoded=entry.ruleset is not None, text=text)


def governing_instruments(chains: Iterable[InstrumentChain], frames: Sequence[Frame],
                          case: CaseFacts) -> list[GoverningInstrument]:
    """Each chain's instrument for each dated subject, by chain then subject order."""
    subjects = dated_subjects(frames, case)
    return [_one(chain, subject, day, source) for chain in chains for subject, day, source in subjects]
