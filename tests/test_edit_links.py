"""Readers first: the edit pencil only on content items, the repository in the footer, no engine credit."""

import re

import pytest
from sitebuilder import article, project

REPO_URL = "https://github.com/vng-kennishub/kennisbank"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return project(tmp_path_factory.mktemp("edit"), {"artikelen/x.md": article()}).build()


def edit_links(site, url: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)" title="Bewerk deze pagina" class="md-content__button md-icon"',
                      site.html(url))


def test_an_item_links_to_its_own_source_file(site):
    assert edit_links(site, "artikelen/x/") == [f"{REPO_URL}/edit/main/docs/artikelen/x.md"]


@pytest.mark.parametrize("url", ["", "bijdragen/", "themas/", "themas/bestaanszekerheid/", "netwerken/divosa/",
                                 "artikelen/", "academie/", "zoeken/", "kenniskaart/", "nieuw/"])
def test_pages_that_are_not_items_have_no_edit_link(site, url):
    assert edit_links(site, url) == []


@pytest.mark.parametrize("url", ["", "artikelen/x/", "zoeken/"])
def test_the_repository_is_linked_from_the_footer_and_not_the_header(site, url):
    page = site.html(url)
    header, footer = page[:page.index('<main')], page[page.index('<footer'):]
    assert REPO_URL not in header
    assert 'class="md-source"' not in page
    assert re.findall(r'<a href="([^"]+)"[^>]*>Broncode</a>', footer) == [REPO_URL]


def test_the_footer_credits_no_engine(site):
    footer = site.html("")[site.html("").index("<footer"):]
    assert "Material for MkDocs" not in footer
    assert "Gemaakt met" not in footer
