"""Print the service's OpenAPI document: `python -m legalrules.frontends.service > docs/openapi.json`."""

from __future__ import annotations

import sys

from .app import create_app
from .openapi import openapi_text

sys.stdout.write(openapi_text(create_app()))
