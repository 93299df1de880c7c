"""The content model on in-memory frontmatter: Dutch messages, normalisation, schema."""

import datetime as dt

import pytest
from sitebuilder import REPO, article, frontmatter, practice

from kennisbank.content.frontmatter import split_source
from kennisbank.content.hub import validate_meta
from kennisbank.content.model import ItemType, json_schema
from kennisbank.content.problems import Problems
from kennisbank.content.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def taxonomy():
    tax, problems = load_taxonomy(REPO / "docs", REPO)
    assert problems == []
    return tax


def validate(text: str, taxonomy):
    source, problems = split_source(text, "a.md")
    assert problems == []
    found = Problems()
    return validate_meta(source, taxonomy, found), [str(p) for p in found]


def test_taxonomy_has_the_strategy(taxonomy):
    assert len([t for t in taxonomy.themes.values() if t.soort.value == "beleidsthema"]) == 5
    assert len([t for t in taxonomy.themes.values() if t.soort.value == "ontwikkelpunt"]) == 5
    assert {"regioberaad", "wsgo", "college-van-arbeidszaken", "kenniscentrum-markt-en-overheid",
            "wethoudersberaad-arbeidsmarktregios", "netwerk-gezond-leven"} <= set(taxonomy.networks)
    assert len(taxonomy.municipalities) == 342
    assert taxonomy.municipality("GM0193").naam == "Zwolle"
    assert taxonomy.municipality_year == 2025


def test_valid_article_is_normalised(taxonomy):
    meta, problems = validate(article(tags=["Warmte  Net", "warmte net", "Wijk"]), taxonomy)
    assert problems == []
    assert meta.type is ItemType.ARTIKEL
    assert meta.tags == ["Warmte Net", "Wijk"]  # as written; compared in lower case (kennisbank.tags)
    assert meta.gepubliceerd == dt.date(2024, 3, 12)


def test_municipality_by_code_is_named(taxonomy):
    meta, problems = validate(practice(gemeenten=["gm0193", "Zwolle"]), taxonomy)
    assert problems == [] and meta.gemeenten == ["Zwolle"]


@pytest.mark.parametrize("fields, expected", [
    (dict(thema=["bestaanszekerheid"]), "a.md:8:1: thema: onbekend veld 'thema'; bedoelde je 'themas'?"),
    (dict(themas=[]), "a.md:5:1: themas: vul minstens één waarde in"),
    (dict(themas="bestaanszekerheid"), "a.md:5:1: themas: hier hoort een lijst, bijvoorbeeld [bestaanszekerheid]"),
    (dict(netwerken=["regio-beraad"]), "a.md:8:13: netwerken: onbekend netwerk 'regio-beraad'; bedoelde je 'regioberaad'?"),
    (dict(gepubliceerd=2024), "a.md:7:1: gepubliceerd: ongeldige datum '2024'; schrijf JJJJ-MM-DD, bijvoorbeeld 2024-03-12"),
    (dict(gepubliceerd="2024-02-30"), "a.md:7:1: gepubliceerd: ongeldige datum '2024-02-30': deze dag bestaat niet; schrijf JJJJ-MM-DD"),
    (dict(bijgewerkt="2023-01-01"), "a.md:2:1: frontmatter: bijgewerkt (2023-01-01) ligt vóór gepubliceerd (2024-03-12)"),
    (dict(status="klaar"), "a.md:8:1: status: ongeldige waarde 'klaar'; kies uit concept, gepubliceerd, gearchiveerd"),
    (dict(samenvatting="x" * 301), "a.md:3:1: samenvatting: is te lang (301 tekens; maximaal 300); maak de tekst korter"),
    # A tag's limit is checked after its own validator, which pydantic reports as a list's 'too_long'.
    (dict(tags=["x" * 41]), "a.md:8:8: tags: is te lang (41 tekens; maximaal 40); maak de tekst korter"),
    (dict(tags=['""']), "a.md:8:8: tags: mag niet leeg zijn"),
])
def test_dutch_messages(taxonomy, fields, expected):
    meta, problems = validate(article(**fields), taxonomy)
    assert meta is None
    assert problems == [expected]


def test_practice_and_course_fields(taxonomy):
    _, problems = validate(practice(contact={"naam": "A", "email": "geen-adres"}), taxonomy)
    assert problems == ["a.md:11:3: contact.email: ongeldige waarde 'geen-adres'"]
    _, problems = validate(practice(contact=None), taxonomy)
    assert problems == ["a.md:2:1: contact: verplicht veld ontbreekt"]
    course = frontmatter(titel="C", samenvatting="S", type="cursus", themas=["leren-van-elkaar"],
                         auteurs=["VNG Academie"], gepubliceerd="2024-01-01", doelgroep=["raadsleden", "inwoners"],
                         niveau="basic", duur_minuten=90, leerdoelen=["Je kunt iets."])
    _, problems = validate(course, taxonomy)
    assert problems == [
        "a.md:8:25: doelgroep: ongeldige waarde 'inwoners'; kies uit raadsleden, wethouders, burgemeesters, "
        "griffiers, gemeentesecretarissen, ambtenaren, managers",
        "a.md:9:1: niveau: ongeldige waarde 'basic'; bedoelde je 'basis'?",
    ]


def test_json_schema_carries_taxonomy_enums(taxonomy):
    schema = json_schema(taxonomy)
    artikel = schema["$defs"]["Artikel"]
    assert artikel["additionalProperties"] is False
    assert "klimaat-energie" in artikel["properties"]["themas"]["items"]["enum"]
    assert "Zwolle" in schema["$defs"]["Praktijkvoorbeeld"]["properties"]["gemeenten"]["items"]["enum"]
    assert schema["discriminator"]["propertyName"] == "type"
    assert set(schema["discriminator"]["mapping"]) == {"artikel", "praktijkvoorbeeld", "cursus", "module"}
