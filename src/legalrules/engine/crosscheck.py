"""The durable-rules cross-check as a setting: on every case, on a hash-chosen sample, or off.

Running durable-rules beside the native evaluator costs more than the native decision
itself, so bulk work may check only some cases. The sample is chosen by a hash of the
case's content, not at random: a rerun of the same cases checks the same ones, and a
case that failed the check once fails it again. The decision records the setting
(`engine.cross_check`, `engine.cross_check_fraction`) and whether durable-rules ran on
that case (`engine.ran`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from ..case.model import CaseFacts
from ..errors import InputError

CrossCheckMode = Literal["every", "sample", "off"]
_SCALE = float(1 << 64)


@dataclass(frozen=True)
class CrossCheck:
    """How many cases durable-rules re-derives: every one, a deterministic fraction, or none.

    Build with `CrossCheck.every()`, `CrossCheck.sample(0.01)`, `CrossCheck.off()` or
    `CrossCheck.parse("1%")`.
    """

    mode: CrossCheckMode = "every"
    fraction: float | None = None

    def __post_init__(self) -> None:
        if self.mode == "sample":
            if self.fraction is None or not 0.0 < self.fraction < 1.0:
                raise InputError(f"cross-check sample: received fraction {self.fraction!r}; "
                                 "expected a number strictly between 0 and 1 (use every or off otherwise)")
        elif self.fraction is not None:
            raise InputError(f"cross-check {self.mode}: received fraction {self.fraction!r}; "
                             "expected none (a fraction belongs to sample)")

    @classmethod
    def every(cls) -> CrossCheck:
        """Check every case (the default of `Engine.evaluate`, the CLI, `check` and the tests)."""
        return cls("every")

    @classmethod
    def off(cls) -> CrossCheck:
        """Never run durable-rules: the native evaluator answers alone."""
        return cls("off")

    @classmethod
    def sample(cls, fraction: float) -> CrossCheck:
        """Check the cases whose content hash falls in the lowest `fraction` (0 < fraction < 1)."""
        return cls("sample", float(fraction))

    @classmethod
    def parse(cls, text: str) -> CrossCheck:
        """From words: `every`, `off`, or a sample as `1%` or `0.01`."""
        word = text.strip().lower()
        if word in ("every", "off"):
            return cls(word)  # type: ignore[arg-type]
        try:
            fraction = float(word[:-1]) / 100 if word.endswith("%") else float(word)
        except ValueError:
            raise InputError(f"cross-check: received {text!r}; expected every, off, "
                             "or a sample fraction such as 1% or 0.01") from None
        if fraction >= 1.0:
            return cls("every")
        if fraction <= 0.0:
            return cls("off")
        return cls.sample(fraction)

    def selects(self, case: CaseFacts) -> bool:
        """Whether durable-rules checks this case under this setting."""
        if self.mode != "sample":
            return self.mode == "every"
        assert self.fraction is not None
        return case_hash(case) < self.fraction


def case_hash(case: CaseFacts) -> float:
    """A number in [0, 1) fixed by the case's content (its canonical JSON), the same on every run."""
    digest = hashlib.blake2b(case.model_dump_json().encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / _SCALE
