"""Data for the contribution form on the Bijdragen page (``docs/javascripts/bijdragen.js``).

The form checks a contribution in the browser with the rules of ``kennisbank
check``; the lists it checks against (themes, networks, municipalities) and the
limits of the frontmatter model are written here, at build time, as one small
script. A script rather than a fetched JSON file, so that the form also works
from ``file://`` in the offline copy; it is loaded only by the page that has
the form.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from ..content.model import Artikel, Praktijkvoorbeeld
from ..content.taxonomy import ThemeKind
from ..index.hub_index import HubIndex
from .pages import GeneratedFile

DATA_SRC = "bijdragen/formulier-gegevens.js"


def _limit(model: type[BaseModel], field: str, kind: str) -> int | None:
    """A length limit of a frontmatter field, as the pydantic model declares it."""
    for rule in model.model_fields[field].metadata:
        value = getattr(rule, kind, None)
        if value is not None:
            return int(value)
    return None


def form_data(hub: HubIndex) -> dict[str, Any]:
    """Everything the form needs to check a contribution as ``kennisbank check`` would."""
    tax = hub.taxonomy
    return {
        "themas": [{"slug": t.slug, "naam": t.naam, "soort": t.soort.label}
                   for kind in ThemeKind for t in tax.themes_of_kind(kind)],
        "netwerken": [{"slug": n.slug, "naam": n.naam} for n in tax.networks.values()],
        "gemeenten": sorted(m.naam for m in tax.municipalities.values()),
        "limieten": {
            "titel": 150, "samenvatting": 300,
            "themas": _limit(Artikel, "themas", "max_length"),
            "netwerken": _limit(Artikel, "netwerken", "max_length"),
            "tags": _limit(Artikel, "tags", "max_length"), "tag": 40,
        },
        "mappen": {"artikel": "artikelen", "praktijkvoorbeeld": "praktijkvoorbeelden"},
        "velden": sorted(set(Artikel.model_fields) | set(Praktijkvoorbeeld.model_fields)),
    }


def contribution_files(hub: HubIndex, urls: Mapping[str, str]) -> list[GeneratedFile]:
    """The form's data script, beside the Bijdragen page."""
    data = json.dumps(form_data(hub), ensure_ascii=False, separators=(",", ":"))
    # '</' cannot end a script element here: the data is read from a file, never inlined, but stay safe anyway.
    return [GeneratedFile(DATA_SRC, "window.kbBijdrageGegevens = " + data.replace("</", "<\\/") + ";\n")]
