"""The home page as front door: a search field, featured and newest publications, themes with counts."""

import re

import pytest
from sitebuilder import article, practice, project


def home(body: str) -> str:
    return "---\ntitle: Start\ndescription: Vind kennis van gemeenten.\n---\n\n" + body


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return project(tmp_path_factory.mktemp("home"), {
        "index.md": home("<!-- kennisbank: uitgelicht -->\n\n<!-- kennisbank: nieuw -->\n\n"
                         "<!-- kennisbank: themas -->\n\n## Over de kennisbank\n\nDe strategie.\n"),
        "artikelen/oud.md": article("Oud artikel", gepubliceerd="2023-01-05", uitgelicht="true"),
        "artikelen/nieuw.md": article("Nieuw artikel", gepubliceerd="2024-06-01"),
        "artikelen/bijgewerkt.md": article("Bijgewerkt artikel", gepubliceerd="2022-02-02",
                                           bijgewerkt="2024-07-01"),
        "artikelen/ouder.md": article("Ouder artikel", gepubliceerd="2021-01-01"),
        "praktijkvoorbeelden/p.md": practice("Een voorbeeld", gepubliceerd="2024-05-01", uitgelicht="true"),
    }).build()


def text(site) -> str:
    """The page's words, without the headings' permalink signs."""
    return site.text("").replace(" ¶", "")


def test_the_page_opens_with_a_search_form_into_the_search_page(site):
    page = site.html("")
    form = re.search(r'<form class="kb-hero__search" role="search" action="([^"]+)" method="get">(.*?)</form>',
                     page, re.DOTALL)
    assert form and form.group(1) == "zoeken/"
    assert re.search(r'<label for="kb-hero-zoekterm">[^<]+</label>', form.group(2))
    assert 'id="kb-hero-zoekterm" type="search" name="zoekterm"' in form.group(2)
    assert text(site).startswith("VNG Kennisbank Vind kennis van gemeenten. Zoek in artikelen")


def test_featured_newest_and_themes_in_the_order_the_editor_chose(site):
    words = text(site)
    assert ("Uitgelicht Praktijkvoorbeeld Een voorbeeld Korte samenvatting. Gepubliceerd 1 mei 2024 "
            "Artikel Oud artikel Korte samenvatting. Gepubliceerd 5 januari 2023 "
            "Nieuw en bijgewerkt Artikel Bijgewerkt artikel Korte samenvatting. Bijgewerkt 1 juli 2024 "
            "Artikel Nieuw artikel Korte samenvatting. Gepubliceerd 1 juni 2024 "
            "Praktijkvoorbeeld Een voorbeeld Korte samenvatting. Gepubliceerd 1 mei 2024 "
            "Beleidsthema's Bestaanszekerheid 4 publicaties Kansengelijkheid (jeugd & onderwijs) nog geen publicaties"
            ) in words
    assert "Klimaat & energie 1 publicatie " in words
    assert words.endswith("Over de kennisbank De strategie.")
    assert "Ouder artikel" not in words


def test_cards_link_to_their_items_and_name_their_count_for_the_grid(site):
    page = site.article_html("")
    assert re.findall(r'<ul class="kb-cards kb-cards--(\d)">', page) == ["2", "3"]
    assert '<a href="artikelen/bijgewerkt/">Bijgewerkt artikel</a>' in page
    assert '<a href="themas/bestaanszekerheid/">Bestaanszekerheid</a>' in page


def test_no_featured_items_leaves_out_the_section(tmp_path):
    site = project(tmp_path, {"index.md": home("<!-- kennisbank: uitgelicht -->\n\nTekst.\n"),
                              "artikelen/a.md": article()}).build()
    assert "Uitgelicht" not in text(site)


def test_an_unknown_marker_fails_the_strict_build_with_a_suggestion(tmp_path, caplog):
    project(tmp_path, {"index.md": home("Tekst.\n\n<!-- kennisbank: niew -->\n")}).build_fails()
    assert "docs/index.md:8:1: kennisbank: onbekend onderdeel 'niew'; bedoelde je 'nieuw'?" in caplog.text


def test_featured_must_be_true_or_false(tmp_path, caplog):
    project(tmp_path, {"artikelen/a.md": article(uitgelicht="misschien")}).build_fails()
    assert "docs/artikelen/a.md:8:1: uitgelicht: hier hoort ja of nee (true of false), niet 'misschien'" in caplog.text


def test_the_starter_home_page_features_items_and_has_no_leftover_markers(tmp_path):
    site = project(tmp_path, starter=True).build()
    page = site.html("")
    assert "kennisbank:" not in page
    assert re.findall(r'<ul class="kb-cards kb-cards--(\d)">', page) == ["3", "3"]
    words = text(site)
    assert words.index("Waar begin je?") < words.index("Uitgelicht") < words.index("Verenigingsstrategie 2030")
