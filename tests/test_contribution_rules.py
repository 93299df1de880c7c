"""The contribution form's rules come from the models that ``kennisbank check`` validates with."""

from __future__ import annotations

import json

import pytest

from kennisbank.content.model import MODELS, ItemType
from kennisbank.site.contribution import DATA_SRC, FORM_FIELDS, contribution_files, form_data, rules


@pytest.mark.parametrize("item_type", list(ItemType))
def test_the_form_asks_every_required_field_of_each_type(item_type):
    required = {name for name, field in MODELS[item_type].model_fields.items() if field.is_required()}
    assert required - {"type"} <= set(FORM_FIELDS[item_type])


def test_limits_and_choices_are_read_from_the_models():
    course = rules(ItemType.CURSUS)
    assert course["titel"] == {"verplicht": True, "soort": "tekst", "max": 150}
    assert course["themas"] == {"verplicht": True, "soort": "lijst", "min": 1, "max": 6}
    assert course["niveau"] == {"verplicht": True, "soort": "keuze", "keuzes": ["basis", "gevorderd", "expert"]}
    assert course["duur_minuten"] == {"verplicht": True, "soort": "getal", "min": 1, "max": 10_000}
    assert course["tags"] == {"verplicht": False, "soort": "lijst", "min": 0, "max": 12, "itemMax": 40}
    assert rules(ItemType.MODULE)["themas"] == {"verplicht": False, "soort": "lijst", "min": 0}
    contact = rules(ItemType.PRAKTIJKVOORBEELD)["contact"]
    assert contact["velden"]["naam"] == {"verplicht": True, "soort": "tekst", "max": 200}
    assert contact["velden"]["email"]["patroon"].startswith("^[A-Za-z0-9._%+-]+@")


def test_messages_are_checks_own_words_with_placeholders(starter):
    said = form_data(starter.hub)["meldingen"]
    assert said["te_lang"] == "is te lang ({lengte} tekens; maximaal {max}); maak de tekst korter"
    assert said["datum_bestaat_niet"] == "ongeldige datum '{waarde}': deze dag bestaat niet; schrijf JJJJ-MM-DD"
    assert said["gemeente"] == ("onbekende gemeente '{waarde}'; gebruik de naam zoals het CBS die schrijft "
                                "(gemeentelijke indeling 2025)")
    assert said["gemeente_bedoeld"] == "onbekende gemeente '{waarde}'; bedoelde je '{naam}'?"


def test_courses_offer_the_next_module_number_and_names_in_use_are_known(starter):
    data = form_data(starter.hub)
    assert {"map": "samenwerken-in-de-regio", "titel": "Samenwerken in de regio", "volgende": 5} in data["cursussen"]
    assert data["bezet"]["regie-warmtetransitie"] == "docs/artikelen/regie-warmtetransitie.md"


def test_the_data_script_holds_the_form_data(starter):
    [script] = contribution_files(starter.hub, {})
    assert script.src == DATA_SRC
    prefix = "window.kbBijdrageGegevens = "
    assert json.loads(script.content[len(prefix):].rstrip(";\n")) == form_data(starter.hub)
