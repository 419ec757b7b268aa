"""The explorer's HTTP routes: the page's files, the examples, and evaluating an edited case."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from ...documents.text.page_words import PageWords, page_words
from ...documents.vocabulary import Vocabulary
from ...engine.evaluate import Engine
from ...errors import CaseFileError, InputError
from ...paths import templates_dir
from ...variations.workbench import (SKELETON, Evaluated, article_index, decide_document, example_document,
                                     example_names, item_kinds, parse_document, skeleton_document)

PAGE_FILES = {"": ("index.html", "text/html; charset=utf-8"), "explorer.css": ("explorer.css", "text/css; charset=utf-8"),
              "explorer.js": ("explorer.js", "text/javascript; charset=utf-8")}
MAX_UPLOAD_CHARS = 1_000_000


class EvaluateRequest(BaseModel):
    """An edited case document, what to call it in problems, and the instant to evaluate at."""

    model_config = ConfigDict(extra="forbid")

    document: Any
    source: str = Field(default="case", max_length=200)
    as_of: str | None = Field(default=None, max_length=40)


class ParseRequest(BaseModel):
    """An uploaded case file's text and its name."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=MAX_UPLOAD_CHARS)
    source: str = Field(default="upload", max_length=200)


class ExplorerAnswer(Evaluated):
    """What the page shows for one version of a case, with the decision's words in Chinese and English."""

    words: dict[str, PageWords] = Field(default_factory=dict, description="By language (`zh`, `en`).")


Run = Callable[[Callable[[], Any]], Awaitable[Any]]


def _answer(engine: Engine, request: EvaluateRequest) -> ExplorerAnswer:
    """The decision on the request's case, with its words in both languages (none for an invalid case)."""
    found, case = decide_document(partial(engine.evaluate, engine="native"), request.document, request.source,
                                  request.as_of)
    if found.decision is None or case is None:
        return ExplorerAnswer(**dict(found))
    words = {lang: page_words(found.decision, case, Vocabulary.of(engine.all_rulesets, lang))
             for lang in ("zh", "en")}
    return ExplorerAnswer(**dict(found), words=words)


def explorer_router(get_engine: Callable[[], Engine], run: Run) -> APIRouter:
    """The explorer's routes, for the HTTP service to mount at `/explorer`.

    `get_engine` gives the service's loaded engine; `run` runs blocking work in a worker
    thread under the service's time limit, as its own routes do.
    """
    router = APIRouter()
    folder = templates_dir() / "explorer"

    def page_file(name: str) -> FileResponse:
        file, media = PAGE_FILES[name]
        return FileResponse(Path(folder, file), media_type=media)

    router.add_api_route("/", partial(page_file, ""), methods=["GET"], include_in_schema=False)
    for name in ("explorer.css", "explorer.js"):
        router.add_api_route(f"/{name}", partial(page_file, name), methods=["GET"], include_in_schema=False)

    @router.get("/api/examples")
    def examples() -> dict[str, list[str]]:
        """The example cases a trainer can open, and a new case to build."""
        return {"examples": [*example_names(), SKELETON]}

    @router.get("/api/kinds")
    def kinds() -> dict[str, list[Any]]:
        """The kinds of measure and event the page can add to a case."""
        return item_kinds()

    @router.get("/api/examples/{name}")
    def example(name: str) -> dict[str, Any]:
        """One example case (or the new-case skeleton), as a document the page edits."""
        try:
            return {"document": skeleton_document() if name == SKELETON else example_document(name)}
        except InputError as exc:
            raise HTTPException(status_code=404, detail=str(exc)) from None

    @router.post("/api/parse")
    def parse(request: ParseRequest) -> Response:
        """An uploaded case file, parsed into a document (422 with the problems when it is not one)."""
        try:
            return _json({"document": parse_document(request.text, request.source)})
        except CaseFileError as exc:
            return _json({"problems": [str(p) for p in exc.problems]}, 422)

    @router.post("/api/evaluate")
    async def evaluate(request: EvaluateRequest) -> ExplorerAnswer:
        """The decision on an edited case, its words in each language, and the facts the page can edit, or
        the problems with it."""
        engine = get_engine()
        found: ExplorerAnswer = await run(lambda: _answer(engine, request))
        return found

    @router.get("/api/articles/{ruleset}")
    def articles(ruleset: str) -> dict[str, Any]:
        """A ruleset's instrument and the handling and summary of each article."""
        try:
            return article_index(get_engine(), ruleset)
        except InputError as exc:
            raise HTTPException(status_code=404, detail=str(exc)) from None

    return router


def _json(body: dict[str, Any], status: int = 200) -> Response:
    return JSONResponse(body, status_code=status)
