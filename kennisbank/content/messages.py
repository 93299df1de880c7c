"""Dutch messages for pydantic validation errors.

Pydantic speaks English; contributors do not. Each error type that the models
can raise gets a Dutch sentence that says what was expected and what arrived.
Custom validators in :mod:`kennisbank.content.model` raise ``PydanticCustomError`` with
a Dutch text already, which is passed through unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, get_args

from pydantic import ValidationError
from pydantic_core.core_schema import ErrorType

from .problems import Problem, suggest

PositionOf = Callable[[tuple[Any, ...]], tuple[int, int]]


def _show(value: Any) -> str:
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def dutch_message(error: dict[str, Any], known_fields: Iterable[str] = ()) -> str:
    """One Dutch sentence for one pydantic error dict."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    field = str(error["loc"][-1]) if error["loc"] else ""
    if kind in ("too_long", "too_short") and isinstance(value, str):
        # A length limit after a validator (Tag) is checked as a generic length: the text is not a list.
        kind = "string_" + kind
    if kind == "missing":
        return "verplicht veld ontbreekt"
    if kind == "extra_forbidden":
        return f"onbekend veld '{field}'" + suggest(field, known_fields)
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
        return f"ongeldige waarde {_show(value)}" + (suggest(str(value), choices) or
                                                    f"; kies uit {', '.join(choices)}")
    if kind in ("string_type", "str_type"):
        return f"hier hoort tekst, niet {_show(value)}"
    if kind == "string_too_short":
        return "mag niet leeg zijn"
    if kind == "string_too_long":
        return (f"is te lang ({len(str(value))} tekens; maximaal {ctx.get('max_length')}); "
                "maak de tekst korter")
    if kind == "string_pattern_mismatch":
        return f"ongeldige waarde {_show(value)}"
    if kind == "list_type":
        return f"hier hoort een lijst, bijvoorbeeld [{value}]" if isinstance(value, str) else "hier hoort een lijst"
    if kind == "too_short":
        minimum = ctx.get("min_length", 1)
        return "vul minstens één waarde in" if minimum == 1 else f"vul minstens {minimum} waarden in"
    if kind == "too_long":
        return f"te veel waarden (maximaal {ctx.get('max_length')})"
    if kind in ("int_type", "int_parsing", "int_from_float", "int_parsing_size"):
        return f"hier hoort een geheel getal, niet {_show(value)}"
    if kind in ("float_type", "float_parsing", "finite_number"):
        return f"hier hoort een getal, niet {_show(value)}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"moet minstens {ctx.get('ge', ctx.get('gt'))} zijn"
    if kind in ("less_than_equal", "less_than"):
        return f"mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn"
    if kind in ("bool_type", "bool_parsing"):
        return f"hier hoort ja of nee (true of false), niet {_show(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "hier horen velden onder elkaar (naam: waarde)"
    if kind == "union_tag_invalid":
        tags = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        return (f"onbekend type {_show(ctx.get('tag'))}" + suggest(str(ctx.get("tag")), tags)
                + f" (mogelijk: {', '.join(tags)})")
    if kind == "union_tag_not_found":
        return "verplicht veld ontbreekt"
    if kind in _PYDANTIC_TYPES:
        # A type without a sentence of its own: never pydantic's English, which contributors cannot read.
        return f"ongeldige waarde {_show(value)}; zie de handleiding voor wat dit veld verwacht"
    # PydanticCustomError from our own validators already carries Dutch text.
    return str(error["msg"])


_PYDANTIC_TYPES = frozenset(get_args(ErrorType))
"""Every error type pydantic itself raises; any other type comes from our validators, in Dutch."""


def problems_from_validation(
    exc: ValidationError,
    rel: str,
    position_of: PositionOf,
    known_fields: Iterable[str] = (),
    strip_tag: bool = False,
) -> list[Problem]:
    """Turn every error of a ``ValidationError`` into a positioned Problem."""
    problems = []
    known_fields = list(known_fields)
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        if strip_tag and loc and error["type"] not in ("union_tag_invalid", "union_tag_not_found"):
            loc = loc[1:]  # discriminated unions prefix the tag: ('artikel', 'themas', 0)
        if error["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc = ("type",)
        line, column = position_of(loc)
        # List indices are left out of the field name: the line and column point at the entry.
        field = ".".join(str(part) for part in loc if not isinstance(part, int)) or "frontmatter"
        problems.append(Problem(rel, line, column, field, dutch_message({**error, "loc": loc}, known_fields)))
    return problems
