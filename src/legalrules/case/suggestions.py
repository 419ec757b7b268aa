"""What a case author probably meant: the nearest key or value, a Chinese term's identifier, a date's form.

Used by the case reader to add a hint to each problem (`did you mean `birth_date`?`,
`'拘留' is `detention``) and by the models to accept a Chinese term where it names
exactly one value of the field. Everything is read from the models themselves, so a
new field or value is covered without a table to keep.
"""

from __future__ import annotations

import difflib
from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from .chinese_terms import ALIASES, alias_for, term

DATE_TIME_FORM = "2025-10-01T09:30:00+08:00 (date, T, time, offset; without the offset it is read as Beijing time)"
DATE_FORM = "1988-04-17 (YYYY-MM-DD)"


def _parts(annotation: Any) -> list[Any]:
    """Every type an annotation is made of (Optional, Annotated, list and Union unwrapped)."""
    found = [annotation]
    for arg in get_args(annotation):
        if get_origin(annotation) is not Literal:
            found += _parts(arg)
    return found


def literal_values(annotation: Any) -> tuple[str, ...]:
    """The string values a field's annotation allows, if it is a closed vocabulary."""
    values: list[str] = []
    for part in _parts(annotation):
        if get_origin(part) is Literal:
            values += [arg for arg in get_args(part) if isinstance(arg, str)]
    return tuple(values)


@cache
def vocabulary_fields(model: type[BaseModel]) -> dict[str, tuple[str, ...]]:
    """The model's fields that take one of a closed set of strings, with the strings."""
    return {name: values for name, field in model.model_fields.items()
            if (values := literal_values(field.annotation))}


def with_chinese_aliases(model: type[BaseModel], data: Any) -> Any:
    """`data` with each unambiguous Chinese term replaced by the value it names (`拘留` -> `detention`)."""
    if not isinstance(data, dict):
        return data
    changed: dict[str, Any] | None = None
    for name, allowed in vocabulary_fields(model).items():
        value = data.get(name)
        if isinstance(value, str) and value not in allowed and (found := alias_for(value, allowed)):
            changed = changed if changed is not None else dict(data)
            changed[name] = found
    return changed if changed is not None else data


def model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model whose field `loc` ends in (`suspect.birth_dat` -> Suspect), or None."""
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int):
            continue
        if model is None or part not in model.model_fields:
            return None
        inner = [p for p in _parts(model.model_fields[part].annotation)
                 if isinstance(p, type) and issubclass(p, BaseModel)]
        model = inner[0] if inner else None
    return model


def nearest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The choice nearest `word` by spelling, if one is near enough to be a likely slip."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def key_hint(root: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    """For an unknown key: the nearest key the model allows there."""
    model = model_at(root, loc[:-1])
    if model is None or not isinstance(loc[-1], str):
        return ""
    close = nearest(loc[-1], tuple(model.model_fields))
    return f"; did you mean `{close}`?" if close else ""


def value_hint(root: type[BaseModel], loc: tuple[str | int, ...], value: Any) -> str:
    """For a value outside a closed vocabulary: what a Chinese term names here, or the nearest spelling."""
    model = model_at(root, loc[:-1])
    if model is None or not isinstance(value, str) or not isinstance(loc[-1], str):
        return ""
    allowed = vocabulary_fields(model).get(loc[-1], ())
    named = [v for v in ALIASES.get(value.strip(), ()) if v in allowed]
    if len(named) > 1:
        return f"; '{value}' names {' and '.join(f'`{v}`' for v in named)} here: give the identifier"
    # A shortened Chinese term (公安 for 公安机关) names the one value whose term holds it.
    partial = [v for v in allowed if value.strip() and value.strip() in (term(v) or "")]
    close = partial[0] if len(partial) == 1 else nearest(value, allowed)
    if close:
        chinese = term(close)
        return f"; did you mean `{close}`" + (f" ({chinese})?" if chinese else "?")
    return ""
