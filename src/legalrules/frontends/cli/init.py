"""`legalrules init`: a commented case file to start from, for one situation, in Chinese or English."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ...case.skeleton import skeleton
from .common import ForceOpt, run_and_print, say
from .language import LangOpt, chosen_lang
from .outputs import write_outputs


class InitKind(str, Enum):
    detention = "detention"
    summons = "summons"
    arrest = "arrest"
    interrogation = "interrogation"
    designated_residence_surveillance = "designated_residence_surveillance"


def init(
    kind: Annotated[InitKind, typer.Option("--kind", help="The situation the case starts from.")]
    = InitKind.detention,
    lang: LangOpt = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the case file here (else stdout).")]
    = None,
    force: ForceOpt = False,
) -> None:
    """Write a commented case skeleton: the fields that matter for the situation, each with its Chinese term."""
    def run() -> str:
        text = skeleton(kind.value, chosen_lang(lang))
        if output is None:
            return text
        write_outputs([(output, text.encode("utf-8"))], [], force)
        say(f"wrote {output}", err=True)
        return ""
    run_and_print(run)
