"""The `legalrules` command line (Typer): one module per command; may import everything.

`main` (the console script) imports only the command it runs; `app`, the whole
application, is built when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .commands import main

if TYPE_CHECKING:
    from typer import Typer

    app: Typer


def __getattr__(name: str) -> Any:
    if name == "app":
        from .app import app  # noqa: PLC0415 - every command module, only when the whole app is wanted

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["app", "main"]
