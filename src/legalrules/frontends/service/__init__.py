"""The HTTP service (`legalrules serve`): FastAPI + uvicorn over the Engine; may import everything.

    >>> from legalrules.frontends.service import create_app, ServiceSettings
    >>> app = create_app(ServiceSettings(token="s3cret"))    # one Engine, loaded now

Imports fastapi, so only `serve` (and programs embedding the service) import it.
"""

from __future__ import annotations

from .app import app_from_environment, create_app
from .settings import ServiceSettings

__all__ = ["ServiceSettings", "app_from_environment", "create_app"]
