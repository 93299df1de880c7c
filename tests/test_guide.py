"""The Dutch contributor guide documents every frontmatter field the model accepts."""

import re

import pytest
from sitebuilder import REPO

from kennisbank.content.model import MODELS, Contact

GUIDE = (REPO / "docs" / "bijdragen" / "index.md").read_text(encoding="utf-8")


def documented() -> set[str]:
    return set(re.findall(r"^\| `([a-z_.]+)` \|", GUIDE, flags=re.M))


@pytest.mark.parametrize("item_type", list(MODELS), ids=lambda t: t.value)
def test_every_field_of_every_type_is_in_the_guide(item_type):
    assert set(MODELS[item_type].model_fields) - documented() == set()


def test_contact_fields_are_in_the_guide():
    assert {f"contact.{name}" for name in Contact.model_fields} - documented() == set()


def test_guide_names_no_field_the_model_does_not_know():
    known = {name for model in MODELS.values() for name in model.model_fields}
    known |= {f"contact.{name}" for name in Contact.model_fields}
    slugs = set(re.findall(r"^\| `([a-z0-9-]+)` \| [^|]+ \|", GUIDE, flags=re.M))  # theme/network tables
    assert documented() - known - slugs == set()


def test_guide_builds_and_shows_its_html_examples_as_text(tmp_path):
    from sitebuilder import project

    site = project(tmp_path).build()
    text = site.text("bijdragen/")
    assert "Stap voor stap: een voorstel via de website van GitHub" in text
    assert "<script>" in text  # shown as code, not run and not removed
