"""The access log without case facts: a `case` query parameter is withheld from every logged line.

`GET /v1/notices?case=...` carries a whole case (names, dates of birth) in its URL,
and uvicorn's access log writes each request's path with its query. The filter here
replaces the parameter's value with its length before the line is formatted, so a log
kept for operations holds no facts of a case.
"""

from __future__ import annotations

import logging
import re
from typing import Final

ACCESS_LOGGER: Final = "uvicorn.access"
_CASE_VALUE: Final = re.compile(r"(?<=[?&])case=[^&\s\"]*")


def withhold_case(path: str) -> str:
    """The path with any `case=` value replaced by how long it was."""
    return _CASE_VALUE.sub(lambda found: f"case=[{len(found.group()) - 5} characters withheld]", path)


class CaseWithheld(logging.Filter):
    """Rewrites a record's string arguments (uvicorn's path-with-query among them) through `withhold_case`."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(isinstance(a, str) and "case=" in a for a in record.args):
            record.args = tuple(withhold_case(a) if isinstance(a, str) else a for a in record.args)
        return True


def withhold_cases_from_access_log() -> None:
    """Install the filter on uvicorn's access logger (once, however many apps a process builds)."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, CaseWithheld) for f in logger.filters):
        logger.addFilter(CaseWithheld())
