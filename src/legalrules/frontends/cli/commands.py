"""The `legalrules` Typer application, built with every command or only the one invoked.

Each command lives in a module of its own and imports what it needs. A run names one
command, so `main` builds the application with that command alone: the other modules
(and the libraries they load) are never imported, and Typer reads one signature, not
fifteen. Help, completion and an unknown name get the whole application.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from importlib import import_module
from typing import Annotated

import typer

from .language import wants_chinese

# command name -> (module under this package, function): the order `--help` lists them in.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("init", "init"),
    "evaluate": ("evaluate", "evaluate"),
    "deadlines": ("deadlines", "deadlines"),
    "notice": ("notice", "notice"),
    "explain": ("explain", "explain"),
    "rules": ("rules", "rules"),
    "check": ("check", "check"),
    "schema": ("schema", "schema"),
    "facts": ("schema", "facts"),
    "what-if": ("what_if", "what_if"),
    "diff": ("diff", "diff"),
    "sweep": ("sweep", "sweep"),
    "ask": ("ask", "ask"),
    "serve": ("serve", "serve"),
    "batch": ("batch", "batch"),
}

HELP = "Rule-as-code answers for Chinese criminal procedure, with the article behind each."

# Commands that answer one case: what they make is bounded by one case file and the rulesets,
# and nearly all of it lives until the process exits, so the collector stays off for them.
# Its passes over the ~40,000 objects of the loaded rulesets and over the decision were
# 23M of a CLI evaluate's 1,675M instructions (1.4%), each pass walking memory out of cache;
# the run's peak memory is the same (61 MB) either way.
ONE_CASE = frozenset({"evaluate", "deadlines"})


def _version(shown: bool) -> None:
    if shown:
        from ..version import package_version  # noqa: PLC0415 - importlib.metadata only when asked
        from .common import say  # noqa: PLC0415

        say(f"legalrules {package_version()}")
        raise typer.Exit()


def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Rule-as-code answers for Chinese criminal procedure, with the article behind each."""


def build_app(names: Iterable[str] = COMMANDS) -> typer.Typer:
    """The application with the commands `names` (default: all), in the order of COMMANDS."""
    wanted = set(names)
    app = typer.Typer(add_completion=True, no_args_is_help=True, pretty_exceptions_enable=False, help=HELP)
    for name, (module, function) in COMMANDS.items():
        if name in wanted:
            command = getattr(import_module(f"{__package__}.{module}"), function)
            app.command(name if name != function else None)(command)
    app.callback()(_options)
    return app


def invoked(argv: list[str]) -> str | None:
    """The command this command line runs, if its first word names one (options first: None)."""
    return argv[1] if len(argv) > 1 and argv[1] in COMMANDS else None


def main() -> None:
    """Console entry point."""
    name = invoked(sys.argv)
    # A run is short: nothing the imports build is garbage, so the collector is off while
    # they run (it would traverse every class and schema they make, again and again), and
    # what they made is frozen out of its reach. It is back on for the command itself,
    # unless that answers one case (ONE_CASE).
    gc.disable()
    try:
        app = build_app([name] if name is not None else COMMANDS)
        gc.freeze()
    finally:
        if name not in ONE_CASE:
            gc.enable()
    try:
        if wants_chinese(sys.argv[1:]):
            from .usage_zh import run_in_chinese  # noqa: PLC0415 - its usage errors in Chinese

            run_in_chinese(app, name)
        app(prog_name="legalrules")
    finally:
        # The process is about to exit: freezing the heap spares the collector a last
        # pass over every object the run made.
        gc.freeze()
