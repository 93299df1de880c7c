"""Frontmatter of ordinary pages (the home page, the guide, statements): a small allowlist.

Pages outside the content folders are not items, but MkDocs and Material still read their frontmatter, and
some keys change far more than text: ``template: redirect.html`` with ``location:`` turns a page of the
hub's own domain into a redirect to anywhere (an open redirect). So such a page may set only what a page
needs; the check refuses the rest with a message, and the build drops it (:func:`allowed_meta`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .frontmatter import Source
from .messages import problems_from_validation
from .problems import Problem

_REFUSED = {
    "template": "'template' is niet toegestaan: het geeft de pagina een ander sjabloon, bijvoorbeeld een "
                "doorverwijzing naar een andere website; sjablonen beheert de redactie in overrides/",
    "location": "'location' is niet toegestaan: met een doorverwijs-sjabloon stuurt het bezoekers naar een ander "
                "adres; link in de tekst naar de pagina die je bedoelt",
}


class SearchMeta(BaseModel):
    """Material's ``search:`` page setting."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    boost: float = Field(default=1, ge=0, le=10, allow_inf_nan=False)
    exclude: bool = False


class PageMeta(BaseModel):
    """What an ordinary page may set in its frontmatter."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)] | None = None
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)] | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(default_factory=list)
    search: SearchMeta | None = None
    tags: list[Annotated[str, StringConstraints(min_length=1, max_length=40)]] = Field(default_factory=list)


PAGE_FIELDS = tuple(PageMeta.model_fields)


def check_page_meta(source: Source) -> list[Problem]:
    """Every key or value of an ordinary page's frontmatter that is not allowed, at its line."""
    problems = [Problem(source.path, *source.position((key,)), key, message)
                for key, message in _REFUSED.items() if key in source.meta]
    try:
        PageMeta.model_validate({k: v for k, v in source.meta.items() if k not in _REFUSED})
    except ValidationError as exc:
        allowed = f"; op een gewone pagina zijn toegestaan: {', '.join(PAGE_FIELDS)}"
        problems += [Problem(p.path, p.line, p.column, p.field,
                             p.message + (allowed if p.message.startswith("onbekend veld") else ""))
                     for p in problems_from_validation(exc, source.path, source.position, PAGE_FIELDS)]
    return problems


def allowed_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """``meta`` without the keys an ordinary page may not set (for builds that publish despite errors)."""
    return {key: value for key, value in meta.items() if key in PAGE_FIELDS}
