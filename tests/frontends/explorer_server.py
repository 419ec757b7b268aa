"""The explorer as `legalrules serve` serves it: the real service app on a loopback port, at /explorer/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from legalrules import Engine
from legalrules.frontends.service import ServiceSettings, create_app

from .service.live import live_server


@pytest.fixture(scope="module")
def explorer_url(engine: Engine) -> Iterator[str]:
    """The explorer page's URL on a default-settings service sharing the session's Engine."""
    with live_server(create_app(ServiceSettings(), engine=engine)) as url:
        yield url + "/explorer/"
