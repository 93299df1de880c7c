"""Every page links to the file a contributor would edit; generated pages to the data they are made from."""

import re

import pytest

from sitebuilder import article, project

REPO_URL = "https://github.com/vng-kennishub/kennisbank"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return project(tmp_path_factory.mktemp("edit"), {"artikelen/x.md": article()}).build()


def edit_link(site, url: str) -> str:
    links = re.findall(r'<a href="([^"]+)" title="Bewerk deze pagina" class="md-content__button md-icon"',
                       site.html(url))
    assert len(links) == 1, url
    return links[0]


@pytest.mark.parametrize("url, target", [
    ("artikelen/x/", "edit/main/docs/artikelen/x.md"),
    ("", "edit/main/docs/index.md"),
    ("bijdragen/", "edit/main/docs/bijdragen/index.md"),
    ("themas/", "edit/main/docs/_data/themas.yml"),
    ("themas/bestaanszekerheid/", "edit/main/docs/_data/themas.yml"),
    ("netwerken/divosa/", "edit/main/docs/_data/netwerken.yml"),
    ("artikelen/", "tree/main/docs/artikelen"),
    ("academie/", "tree/main/docs/academie"),
])
def test_edit_link_points_at_the_source(site, url, target):
    assert edit_link(site, url) == f"{REPO_URL}/{target}"
