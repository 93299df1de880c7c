"""Data for the contribution form on the Bijdragen page (``docs/javascripts/bijdragen.js``).

The form checks a contribution in the browser with the rules of ``kennisbank
check``. Nothing of those rules is written twice: which fields each content type
has, which are required, their limits, choices and patterns are read here from
the pydantic models (their JSON Schema), the messages for broken limits are made
by the same function that words ``check``'s messages, and the lists to check
against (themes, networks, municipalities, courses, names in use) come from the
hub. All of it is written at build time as one small script. A script rather
than a fetched JSON file, so that the form also works from ``file://`` in the
offline copy; it is loaded only by the page that has the form.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..content.layout import slug_of
from ..content.messages import dutch_message
from ..content.html_policy import FORBIDDEN_TAGS
from ..content.model import MODELS, Date, ItemType, MunicipalityName
from ..content.safety import UNSAFE_SCHEMES, check_body
from ..content.taxonomy import Taxonomy, ThemeKind
from ..index.hub_index import HubIndex
from .pages import GeneratedFile

DATA_SRC = "bijdragen/formulier-gegevens.js"

FORM_FIELDS: dict[ItemType, tuple[str, ...]] = {
    ItemType.ARTIKEL: ("titel", "samenvatting", "themas", "netwerken", "auteurs", "gepubliceerd", "tags"),
    ItemType.PRAKTIJKVOORBEELD: ("titel", "samenvatting", "themas", "netwerken", "gemeenten", "contact",
                                 "auteurs", "gepubliceerd", "tags"),
    ItemType.CURSUS: ("titel", "samenvatting", "doelgroep", "niveau", "duur_minuten", "leerdoelen", "themas",
                      "netwerken", "auteurs", "docenten", "gepubliceerd", "tags"),
    ItemType.MODULE: ("titel", "samenvatting", "volgorde", "duur_minuten", "leerdoelen", "themas", "tags"),
}
"""The frontmatter fields the form asks for, per type, in the order it shows them. Every required field of a
model must be here (``tests/test_contribution_rules.py``); optional fields a newcomer does not need
(``bijgewerkt``, ``aliassen``, ``voorkennis`` …) are left to editors."""

CONTACT_FIELDS = ("naam", "email")
"""Of a good practice's contact, the form asks the name (required) and an e-mail address."""


def _resolve(schema: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    """A property without ``$ref`` and without the ``null`` of an optional field."""
    if "anyOf" in prop:
        prop = next(p for p in prop["anyOf"] if p.get("type") != "null")
    if "$ref" in prop:
        prop = schema["$defs"][prop["$ref"].rsplit("/", 1)[-1]]
    return prop


def _rule(schema: dict[str, Any], prop: dict[str, Any], required: bool) -> dict[str, Any]:
    """What the form checks of one field, from its JSON Schema."""
    prop = _resolve(schema, prop)
    rule: dict[str, Any] = {"verplicht": required}
    kind = prop.get("type")
    if kind == "array":
        item = _resolve(schema, prop.get("items", {}))
        rule.update(soort="lijst", min=prop.get("minItems", 0), max=prop.get("maxItems"),
                    itemMax=item.get("maxLength"), keuzes=item.get("enum"))
    elif kind == "object":
        rule.update(soort="velden", velden={
            name: _rule(schema, sub, name in prop.get("required", ()))
            for name, sub in prop["properties"].items() if name in CONTACT_FIELDS})
    elif kind == "integer":
        rule.update(soort="getal", min=prop.get("minimum"), max=prop.get("maximum"))
    elif prop.get("format") == "date":
        rule.update(soort="datum")
    elif "enum" in prop:
        rule.update(soort="keuze", keuzes=prop["enum"])
    else:
        rule.update(soort="tekst", max=prop.get("maxLength"), patroon=prop.get("pattern"))
    return {key: value for key, value in rule.items() if value is not None}


def rules(item_type: ItemType) -> dict[str, dict[str, Any]]:
    """The rules of the form's fields for one type, read from the type's pydantic model."""
    model: type[BaseModel] = MODELS[item_type]
    schema = model.model_json_schema()
    required = set(schema.get("required", ()))
    return {name: _rule(schema, schema["properties"][name], name in required) for name in FORM_FIELDS[item_type]}


_SAMPLE_LENGTH = 9973
"""A text length no limit of the models uses, so it can be found in a message and replaced by a placeholder."""


def _refusal(adapter: TypeAdapter[Any], value: str, context: dict[str, Any] | None = None) -> str:
    """``check``'s message for a value the model refuses, with ``{waarde}`` where the value was."""
    try:
        adapter.validate_python(value, context=context)
    except ValidationError as exc:
        return dutch_message({**exc.errors(include_url=False)[0]}).replace(value, "{waarde}")
    raise ValueError(f"{value!r} was expected to be refused")


def messages(tax: Taxonomy) -> dict[str, str]:
    """``check``'s messages for broken limits, with ``{placeholders}`` the form fills in."""

    def message(kind: str, value: Any = None, **ctx: Any) -> str:
        return dutch_message({"type": kind, "loc": (), "input": value, "ctx": ctx})

    municipality: TypeAdapter[str] = TypeAdapter(MunicipalityName)
    known = min((m.naam for m in tax.municipalities.values()), default="Zwolle")
    return {
        "verplicht": message("missing"),
        "te_lang": message("string_too_long", "x" * _SAMPLE_LENGTH, max_length="{max}")
        .replace(str(_SAMPLE_LENGTH), "{lengte}"),
        "te_veel": message("too_long", max_length="{max}"),
        "te_weinig": message("too_short", min_length=1),
        "te_klein": message("greater_than_equal", ge="{min}"),
        "te_groot": message("less_than_equal", le="{max}"),
        "geen_getal": message("int_parsing", "{waarde}"),
        "ongeldig": message("string_pattern_mismatch", "{waarde}"),
        "datum": _refusal(TypeAdapter(Date), "{waarde}"),
        "datum_bestaat_niet": _refusal(TypeAdapter(Date), "2023-02-30"),
        # A name nothing resembles gets the general advice; a near miss of a real name gets "bedoelde je".
        "gemeente": _refusal(municipality, "§§§§§§§§", {"taxonomy": tax}),
        "gemeente_bedoeld": _refusal(municipality, known + "q", {"taxonomy": tax}).replace(known, "{naam}"),
    }


def text_rules(hosts: tuple[str, ...]) -> dict[str, Any]:
    """The safety rules of the text the form checks, each message made by ``check`` itself from a sample.

    Only the core of ``kennisbank.content.safety`` (forbidden tags, event attributes, unsafe link schemes,
    iframes outside the embed list); whatever the form misses, ``check`` still reports in the pull request.
    """

    def said(body: str) -> str:
        return check_body("x.md", body, 1, hosts)[0].message

    sample = "https://voorbeeld.invalid/"
    return {
        "verboden": {tag: said(f"<{tag}>") for tag in sorted(FORBIDDEN_TAGS)},
        "adressen": {scheme: said(f"[x]({scheme}:x)") for scheme in sorted(UNSAFE_SCHEMES)},
        "attribuut": said('<b onclick="x">').replace("onclick", "{naam}"),
        "iframe": said(f'<iframe src="{sample}"></iframe>').replace(sample, "{adres}"),
        "embeds": list(hosts),
    }


def _courses(hub: HubIndex) -> list[dict[str, Any]]:
    """Published courses a module can join, with the number the next module gets."""
    found = []
    for course in hub.of_type(ItemType.CURSUS):
        modules = hub.course_modules(course.course or "")
        found.append({"map": course.course, "titel": course.title,
                      "volgende": 1 + max((m.module_meta.volgorde for m in modules), default=0)})
    return sorted(found, key=lambda c: c["titel"].lower())


def form_data(hub: HubIndex) -> dict[str, Any]:
    """Everything the form needs to check a contribution as ``kennisbank check`` would."""
    tax = hub.taxonomy
    return {
        "soorten": {t.value: {"label": t.label, "map": t.folder, "regels": rules(t)} for t in FORM_FIELDS},
        "meldingen": messages(tax),
        "tekst": text_rules(tuple(str(h) for h in hub.settings.embeds)),
        "themas": [{"slug": t.slug, "naam": t.naam, "soort": t.soort.label}
                   for kind in ThemeKind for t in tax.themes_of_kind(kind)],
        "netwerken": [{"slug": n.slug, "naam": n.naam} for n in tax.networks.values()],
        "gemeenten": sorted(m.naam for m in tax.municipalities.values()),
        "cursussen": _courses(hub),
        # check_hub refuses a second file with the same name; the form proposes names from the title.
        "bezet": {slug: "docs/" + src for src in sorted(hub.items) if (slug := slug_of(src))},
    }


def contribution_files(hub: HubIndex, urls: Mapping[str, str]) -> list[GeneratedFile]:
    """The form's data script, beside the Bijdragen page."""
    data = json.dumps(form_data(hub), ensure_ascii=False, separators=(",", ":"))
    # '</' cannot end a script element here: the data is read from a file, never inlined, but stay safe anyway.
    return [GeneratedFile(DATA_SRC, "window.kbBijdrageGegevens = " + data.replace("</", "<\\/") + ";\n")]
