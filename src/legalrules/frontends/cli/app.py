"""The `legalrules` Typer application: each command lives in a module of its own."""

from __future__ import annotations

import gc

import typer

from . import ask, check, deadlines, diff, evaluate, explain, notice, rules, schema, serve, sweep, what_if

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Rule-as-code answers for Chinese criminal procedure, with the article behind each.")
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


def main() -> None:
    """Console entry point."""
    try:
        app(prog_name="legalrules")
    finally:
        # The process is about to exit: freezing the heap spares the collector a last
        # pass over every object the imports made (about 20 ms of each short run).
        gc.freeze()

