"""The `legalrules` Typer application: each command lives in a module of its own."""

from __future__ import annotations

import gc
from typing import Annotated

import typer

from . import ask, batch, check, deadlines, diff, evaluate, explain, init, notice, rules, schema, serve, sweep, what_if
from .common import say

app = typer.Typer(add_completion=True, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Rule-as-code answers for Chinese criminal procedure, with the article behind each.")
app.command()(init.init)
app.command()(evaluate.evaluate)
app.command()(deadlines.deadlines)
app.command()(notice.notice)
app.command()(explain.explain)
app.command()(rules.rules)
app.command()(check.check)
app.command()(schema.schema)
app.command()(schema.facts)
app.command("what-if")(what_if.what_if)
app.command()(diff.diff)
app.command()(sweep.sweep)
app.command()(ask.ask)
app.command()(serve.serve)
app.command()(batch.batch)


def _version(shown: bool) -> None:
    if shown:
        from ..version import package_version  # noqa: PLC0415 - importlib.metadata only when asked

        say(f"legalrules {package_version()}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Rule-as-code answers for Chinese criminal procedure, with the article behind each."""


def main() -> None:
    """Console entry point."""
    try:
        app(prog_name="legalrules")
    finally:
        # The process is about to exit: freezing the heap spares the collector a last
        # pass over every object the imports made (about 20 ms of each short run).
        gc.freeze()

