"""Overview pages at volume: bounded lists with counts and a link into the search page with the filter set."""

from sitebuilder import article, project


def test_long_lists_show_the_newest_with_a_count_and_a_search_link(tmp_path):
    files = {f"artikelen/artikel-{n:02d}.md": article(f"Artikel {n:02d}", gepubliceerd=f"{2023 if n % 8 == 0 else 2024}-03-{n % 28 + 1:02d}")
             for n in range(40)}
    site = project(tmp_path, files).build()
    theme = site.text("themas/bestaanszekerheid/")
    assert "Artikelen (40)" in theme and "De 30 nieuwste van 40. Alle 40 in het zoekscherm" in theme
    assert theme.count("Korte samenvatting.") == 30
    assert '<a href="../../zoeken/?thema=Bestaanszekerheid&amp;soort=Artikel">Alle 40 in het zoekscherm</a>' in \
        site.article_html("themas/bestaanszekerheid/")
    index = site.text("artikelen/")
    assert "40 artikelen, nieuwste eerst. 2024 (35)" in index and "2023 (5)" in index
    assert "De 30 nieuwste van 35. Alle 35 in het zoekscherm" in index
    assert index.count("Korte samenvatting.") == 35  # 30 of 2024, all 5 of 2023
    assert '<a href="../zoeken/?soort=Artikel&amp;jaar=2024">Alle 35 in het zoekscherm</a>' in \
        site.article_html("artikelen/")


def test_short_lists_are_unchanged(tmp_path):
    site = project(tmp_path, {"artikelen/een.md": article("Een")}).build()
    assert "zoekscherm" not in site.text("themas/bestaanszekerheid/")
    assert "1 artikel, nieuwste eerst." in site.text("artikelen/")
