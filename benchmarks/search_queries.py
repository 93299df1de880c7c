"""A labelled set of Dutch queries officials type, each with the starter items that must be in the top 5.

Used by ``benchmarks/search_quality.py`` (recall@5 and MRR, beside Material's
quick search) and by ``tests/test_search_quality.py`` (cases that must never
regress). Items are named by their source path below ``docs/``. The kinds say
what each query tests: inflection, compound (a part of a compound word),
synonym, abbreviation, typo, multi-word, title (a page whose title is the
query must come first).
"""

from __future__ import annotations

from typing import NamedTuple


class Query(NamedTuple):
    text: str
    kind: str
    expected: list[str]
    also: tuple[str, ...] = ()
    """Equally good answers: items whose title (URL slug) has one of these. Written case by case where the
    larger fixture has items titled with the very word typed (or one the editors' synonym list gives), which
    rank above a labelled item that matches only through a synonym or in its body: those are not wrong
    answers. A labelled item still counts once; an accepted one fills a place a labelled one left open.
    Not counted in the figure "labelled items only"."""
    titled: tuple[str, ...] = ()
    """Part of the label, counted like :attr:`also` but also in the figure "labelled items only": items whose title
    (URL slug) has the word as typed. Only where the labelled item has the typed word in its body alone and
    matches in title, tags or summary only through a synonym: on a hub with five or more items that have the
    typed word itself in title and summary, the issue's rules (title and summary matches above body matches) and
    the editors' (the word typed above its synonyms) put those first, so the starter item alone cannot be what
    must be in the top 5. The label audit of 2026-12-06, benchmarks/RESULTS.md."""


A = "artikelen/"
P = "praktijkvoorbeelden/"
DATA = "academie/datagedreven-werken-voor-gemeenten/"
WARMTE = "academie/regie-op-de-warmtetransitie/"
REGIO = "academie/samenwerken-in-de-regio/"

QUERIES: list[Query] = [
    # Another form of a word than the text has.
    Query("jeugdzorg hervormen", "inflection", [A + "hervorming-jeugdzorg.md"]),
    Query("schuld", "inflection", [P + "vroegsignalering-schulden-zwolle.md",
                                   A + "lokale-agenda-bestaanszekerheid.md"], ("schulden", "schuldhulp")),
    Query("zorgaanbieder", "inflection", [P + "screening-zorgaanbieders-groningen.md"]),
    Query("gemeenschappelijke regeling", "inflection", [REGIO + "02-gemeenschappelijke-regelingen-en-de-wgr.md"],
          ("gemeenschappelijke-regeling",)),
    Query("warmtenetten", "inflection", [WARMTE + "02-collectieve-warmte-en-de-wcw.md",
                                          P + "wijkaanpak-aardgasvrij-utrecht.md"]),
    Query("proeftuin", "inflection", [A + "kind-en-gezinsbescherming.md"]),
    Query("adres glasvezel", "inflection", [P + "glasvezel-buitengebied-achterhoek.md"]),
    Query("flexpools", "inflection", [P + "flexpool-woningbouw-diwi-friesland.md",
                                      A + "uitvoeringskracht-woningbouw.md"]),
    Query("schoolgebouw", "inflection", [A + "goede-onderwijshuisvesting.md"]),
    Query("ontwikkelbedrijven", "inflection", [A + "participatiewet-en-sociaal-ontwikkelbedrijf.md"]),
    Query("gezin", "inflection", [A + "kind-en-gezinsbescherming.md"]),
    # A part of a compound the text has.
    Query("transitie", "compound", [A + "regie-warmtetransitie.md", WARMTE + "index.md"]),
    Query("huisvesting", "compound", [A + "goede-onderwijshuisvesting.md"]),
    Query("fraude", "compound", [A + "aanpak-zorgfraude.md"]),
    Query("signalering", "compound", [P + "vroegsignalering-schulden-zwolle.md"]),
    Query("voorspelmodel", "compound", [P + "wmo-voorspelmodel-apeldoorn-deventer.md",
                                         DATA + "03-sturen-in-het-sociaal-domein.md"]),
    Query("zekerheid", "compound", [A + "lokale-agenda-bestaanszekerheid.md"]),
    Query("bescherming", "compound", [A + "kind-en-gezinsbescherming.md"]),
    Query("vastgoed", "compound", [A + "verduurzaming-fysieke-opgaven.md"], ("vastgoed",)),
    Query("aanpak wijk", "compound", [P + "wijkaanpak-aardgasvrij-utrecht.md", WARMTE + "03-de-wijkaanpak.md"]),
    Query("tekorten arbeidsmarkt", "compound", [A + "arbeidsmarkttekorten-gemeentelijke-sector.md"]),
    Query("zorgspiegel", "compound", [DATA + "03-sturen-in-het-sociaal-domein.md"]),
    # Everyday words for what the hub calls otherwise (docs/_data/synoniemen.yml).
    Query("armoede", "synonym", [A + "lokale-agenda-bestaanszekerheid.md", P + "vroegsignalering-schulden-zwolle.md"]),
    Query("geldzorgen", "synonym", [P + "vroegsignalering-schulden-zwolle.md"]),
    Query("maatschappelijke ondersteuning", "synonym", [A + "toekomstbestendige-wmo.md"]),
    Query("privacy", "synonym", [DATA + "01-data-in-de-gemeentelijke-praktijk.md"]),
    # Label corrected: "Hervorming jeugdzorg" has jeugdhulp once in its body and jeugdzorg (the synonym) in title
    # and tags; the larger fixture has 12 items with jeugdhulp itself in title and summary.
    Query("jeugdhulp", "synonym", [A + "hervorming-jeugdzorg.md"], titled=("jeugdhulp",)),
    Query("aardgasvrij", "synonym", [P + "wijkaanpak-aardgasvrij-utrecht.md"]),
    Query("werkloosheid", "synonym", [A + "participatiewet-en-sociaal-ontwikkelbedrijf.md"],
          ("werkloosheid", "participatiewet", "arbeidsmarkt", "bijstand")),  # the synonym list's words
    # Label corrected: bijstand is in the labelled item's body only (its title has the synonym Participatiewet);
    # the larger fixture has 20 items with bijstand(sbeleid) in title and summary.
    Query("bijstand", "synonym", [A + "participatiewet-en-sociaal-ontwikkelbedrijf.md"], titled=("bijstand",)),
    Query("klimaat", "synonym", [A + "water-en-bodem-sturend.md"], ("klimaat",)),
    # Label corrected: ouderen is once in the labelled item's body (its title has the synonym Wmo); the larger
    # fixture has 11 items with ouderen in title and summary ("Eenzaamheid onder ouderen …").
    Query("ouderen", "synonym", [A + "toekomstbestendige-wmo.md"], titled=("ouderen",)),
    # Abbreviations.
    Query("AVG", "abbreviation", [DATA + "01-data-in-de-gemeentelijke-praktijk.md"]),
    Query("SDG", "abbreviation", [A + "sdg-invoervoorziening.md"]),
    Query("single digital gateway", "abbreviation", [A + "sdg-invoervoorziening.md"]),
    Query("Wgr", "abbreviation", [REGIO + "02-gemeenschappelijke-regelingen-en-de-wgr.md"]),
    Query("DEGO", "abbreviation", [DATA + "04-data-in-het-fysiek-domein.md", A + "datagedreven-werken.md"]),
    Query("DIWI", "abbreviation", [P + "flexpool-woningbouw-diwi-friesland.md"]),
    Query("Wmo", "abbreviation", [A + "toekomstbestendige-wmo.md"]),
    # Typing errors.
    Query("energietransitei", "typo", [A + "datagedreven-werken.md"]),
    Query("warmtetransitei", "typo", [A + "regie-warmtetransitie.md"]),
    Query("jeugdzrog", "typo", [A + "hervorming-jeugdzorg.md"]),
    Query("schuldhulpverleneng", "typo", [P + "vroegsignalering-schulden-zwolle.md"], ("schuldhulpverlening",)),
    Query("glasvzel", "typo", [P + "glasvezel-buitengebied-achterhoek.md"]),
    Query("participatiewt", "typo", [A + "participatiewet-en-sociaal-ontwikkelbedrijf.md"]),
    Query("regioberaat", "typo", [A + "regioberaad.md"]),
    Query("zorgfruade", "typo", [A + "aanpak-zorgfraude.md"]),
    Query("kansengelijkhied", "typo", [A + "visie-kansengelijkheid.md"]),
    Query("onderwijshuisvestnig", "typo", [A + "goede-onderwijshuisvesting.md"]),
    # Several words.
    Query("regionale samenwerking quickscan", "multi-word",
          [P + "quickscan-regionale-samenwerking-noordoost-brabant.md", REGIO + "04-quickscan-en-regioberaad.md"]),
    Query("jeugdzorg Brabant", "multi-word", [P + "regionale-startfoto-jeugdzorg-hart-van-brabant.md"]),
    Query("woningbouw Friesland", "multi-word", [P + "flexpool-woningbouw-diwi-friesland.md"]),
    Query("warmtenet Utrecht", "multi-word", [P + "wijkaanpak-aardgasvrij-utrecht.md"]),
    Query("zorgfraude Groningen", "multi-word", [P + "screening-zorgaanbieders-groningen.md"]),
    Query("schulden Zwolle", "multi-word", [P + "vroegsignalering-schulden-zwolle.md"]),
    Query("democratische legitimiteit", "multi-word", [REGIO + "03-democratische-legitimiteit-van-samenwerking.md"],
          ("democratische-legitimiteit",)),
    Query("water en bodem", "multi-word", [A + "water-en-bodem-sturend.md"]),
    Query("kinderopvang financiering", "multi-word", [A + "ontschotten-wetten-en-financiering.md"]),
    Query("van zorg naar gezondheid", "multi-word", [A + "van-zorg-naar-gezondheid.md"]),
    # A page whose title is the query.
    Query("Regioberaad", "title", [A + "regioberaad.md"]),
    Query("Datagedreven werken", "title", [A + "datagedreven-werken.md"]),
    Query("Samenwerken in de regio", "title", [REGIO + "index.md"]),
    Query("Digitale infrastructuur", "title", [A + "digitale-infrastructuur.md"]),
    Query("Aanpak zorgfraude", "title", [A + "aanpak-zorgfraude.md"]),
]


def url_of(src: str) -> str:
    """The site-relative URL MkDocs gives a page (directory URLs)."""
    path = src[: -len(".md")]
    if path == "index" or path.endswith("/index"):
        return path[: -len("index")]
    return path + "/"


def recall_and_rank(found: list[str], expected: list[str], also: tuple[str, ...] = ()) -> tuple[float, float]:
    """Recall@5 of ``expected`` in ``found`` (URLs, best first), and 1 / rank of the first hit in the top 10.

    With ``also`` (:attr:`Query.also`), an item whose URL slug has one of those words fills a place that a
    labelled item left open in the top 5; without it, only the labelled items count.
    """
    wanted = {url_of(src) for src in expected}

    def good(url: str) -> bool:
        slug = url.rstrip("/").rsplit("/", 1)[-1]
        return url in wanted or any(word in slug for word in also)

    top = found[:5]
    accepted = sum(1 for url in top if url not in wanted and good(url))
    recall = min(len(wanted), len(wanted & set(top)) + accepted) / len(wanted)
    rank = next((1 / (i + 1) for i, url in enumerate(found[:10]) if good(url)), 0.0)
    return recall, rank
