"""What a running service is configured with: bind address, limits, token, CORS, rulesets.

`legalrules serve` builds these from its options; with `--workers N` uvicorn starts
N processes that each build their app from the environment (`from_environment`),
so the settings travel as `LEGALRULES_SERVICE_*` variables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ...errors import InputError

DEFAULT_HOST: Final = "127.0.0.1"
DEFAULT_PORT: Final = 8000
# A case file may be up to 1 MB (case.io.MAX_CASE_BYTES); a request adds holiday data.
DEFAULT_MAX_BODY_BYTES: Final = 2_000_000
DEFAULT_TIME_LIMIT_SECONDS: Final = 30.0
TOKEN_VARIABLE: Final = "LEGALRULES_TOKEN"
_PREFIX: Final = "LEGALRULES_SERVICE_"


@dataclass(frozen=True)
class ServiceSettings:
    """A service's configuration; the defaults are the safe ones (no CORS, no token, 2 MB, 30 s)."""

    token: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS
    cors_origins: tuple[str, ...] = ()
    rulesets_root: Path | None = None

    @property
    def request_head_bytes(self) -> int:
        """The request line and headers uvicorn admits: room for a `case` query up to the body cap.

        URL-encoding at most triples a byte (`%E5`), and 16 KiB (h11's own default) is left
        for the path, the other parameters and the headers.
        """
        return 3 * self.max_body_bytes + 16_384

    def to_environment(self) -> dict[str, str]:
        """The settings as environment variables, for worker processes (the token under its own name)."""
        out = {
            f"{_PREFIX}MAX_BODY_BYTES": str(self.max_body_bytes),
            f"{_PREFIX}TIME_LIMIT_SECONDS": repr(self.time_limit_seconds),
            f"{_PREFIX}CORS_ORIGINS": ",".join(self.cors_origins),
            f"{_PREFIX}RULESETS": str(self.rulesets_root) if self.rulesets_root else "",
        }
        if self.token:
            out[TOKEN_VARIABLE] = self.token
        return out

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ServiceSettings:
        """Settings read back from `to_environment`'s variables (missing ones take the defaults)."""
        env = os.environ if environ is None else environ
        origins = tuple(o for o in env.get(f"{_PREFIX}CORS_ORIGINS", "").split(",") if o)
        rulesets = env.get(f"{_PREFIX}RULESETS") or None
        return cls(
            token=env.get(TOKEN_VARIABLE) or None,
            max_body_bytes=int(env.get(f"{_PREFIX}MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)),
            time_limit_seconds=float(env.get(f"{_PREFIX}TIME_LIMIT_SECONDS", DEFAULT_TIME_LIMIT_SECONDS)),
            cors_origins=origins,
            rulesets_root=Path(rulesets) if rulesets else None,
        )


def read_token_file(path: Path) -> str:
    """The bearer token in a file (surrounding whitespace dropped), or InputError naming the file."""
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise InputError(f"--token-file {path}: cannot read it ({exc.strerror}); "
                         "expected a readable file holding the token") from None
    except UnicodeDecodeError:
        raise InputError(f"--token-file {path}: received bytes that are not UTF-8; expected a text token") from None
    if not token:
        raise InputError(f"--token-file {path}: received an empty file; expected the token")
    return token
