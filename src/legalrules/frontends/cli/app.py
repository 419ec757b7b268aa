"""The whole `legalrules` Typer application (tests and embedding); `main` builds only what a run needs."""

from __future__ import annotations

from .commands import build_app, main

app = build_app()

__all__ = ["app", "main"]
