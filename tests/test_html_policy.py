"""One HTML policy: what `kennisbank check` rejects and what the sanitizer keeps come from the same data
(kennisbank/content/html_policy.py), and the two halves agree on every tag."""

from __future__ import annotations

import pytest

from kennisbank.content.html_policy import CONTRIBUTED_TAGS, FORBIDDEN_TAGS, GENERATED_TAGS, TAGS
from kennisbank.content.safety import check_body
from kennisbank.site.sanitize import sanitize

TABLE_PARTS = {"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"}
"""Kept only inside a table: an HTML parser drops them anywhere else."""
VOID = {"br", "hr", "img", "col", "input"}


def fragment(tag: str) -> str:
    element = f"<{tag}>" if tag in VOID else f"<{tag}>x</{tag}>"
    if tag in TABLE_PARTS:
        return "<table><colgroup><col></colgroup><caption>c</caption><thead><tr><th>h</th></tr></thead>" \
               "<tbody><tr><td>d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>"
    return element


def test_no_tag_is_both_allowed_to_contributors_and_rejected_by_the_check():
    assert CONTRIBUTED_TAGS & set(FORBIDDEN_TAGS) == set()
    assert TAGS == CONTRIBUTED_TAGS | GENERATED_TAGS


@pytest.mark.parametrize("tag", sorted(FORBIDDEN_TAGS))
def test_a_tag_the_check_rejects_is_dropped_by_the_sanitizer_unless_the_site_itself_writes_it(tag):
    problems = check_body("docs/artikelen/x.md", f"Tekst {fragment(tag)}\n", 5)
    assert [(p.line, p.field) for p in problems] == [(5, "html")]
    assert problems[0].message.startswith(FORBIDDEN_TAGS[tag])
    kept = f"<{tag}" in sanitize(fragment(tag))
    assert kept == (tag in GENERATED_TAGS), tag


@pytest.mark.parametrize("tag", sorted(CONTRIBUTED_TAGS - {"iframe"}))
def test_a_tag_contributors_may_write_passes_the_check_and_the_sanitizer(tag):
    assert check_body("docs/artikelen/x.md", f"Tekst {fragment(tag)}\n", 5) == []
    assert f"<{tag}" in sanitize(fragment(tag)), tag


def test_svg_is_kept_for_the_site_and_refused_from_contributors():
    icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"></path></svg>'
    assert sanitize(icon) == icon
    [problem] = check_body("docs/artikelen/x.md", icon + "\n", 3)
    assert str(problem) == ("docs/artikelen/x.md:3:1: html: SVG-code in de tekst is niet toegestaan (SVG kan script "
                            "bevatten); neem een afbeelding op met ![beschrijving](bestand.png)")
