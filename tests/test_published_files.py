"""Which files of docs/ are published: an allowlist of types, no theme folders, no '_'-files, no generated URLs."""

import mkdocs.utils
import pytest
from click.testing import CliRunner
from hostile import checks_switched_off
from sitebuilder import article, project

from kennisbank.cli import main
from kennisbank.content.hub import load_hub
from kennisbank.content.published import GENERATED_FOLDERS, MARKDOWN_EXTENSIONS, page_folder
from kennisbank.features import GENERATORS
from kennisbank.index.hub_index import index_hub
from kennisbank.site.pages import generated_pages

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
FILES = {
    "artikelen/goed.md": article(title="Goed", body="![Kaart](kaart.png) [Rapport](rapport.pdf)\n"),
    "artikelen/kaart.png": PNG,
    "artikelen/rapport.pdf": b"%PDF-1.7\n",
    "artikelen/cijfers.csv": "jaar,aantal\n2024,3\n",
    "artikelen/pagina.html": "<script>alert(1)</script>",
    "artikelen/script.js": "alert(1)",
    "artikelen/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "artikelen/oud.doc": b"\xd0\xcf\x11\xe0",
    "artikelen/notities": "zonder extensie",
    "_redirects": "/* https://evil.example/ 301",
    "artikelen/_headers": "/*\n  X-Frame-Options: ALLOW",
    "assets/javascripts/bundle.js": "alert(1)",
    "assets/images/favicon.png": PNG,
    "javascripts/extra.js": "alert(1)",
    "stylesheets/extra.css": "body{}",
    "search/search_index.json": "{}",
    "zoeken/index.md": "# Mijn zoekpagina\n",
    "nieuw.md": "# Nieuw\n",
    "kenniskaart.md": "# Kaart\n",
    "themas/bestaanszekerheid.md": "# Thema\n",
}
WHY_JS = ("JavaScript van bijdragers wordt niet gepubliceerd: het zou in de browser van bezoekers draaien; de "
          "scripts van de site zelf staan in mkdocs.yml onder extra_javascript")
UNDERSCORE = ("bestanden en mappen die met '_' beginnen zijn instellingen voor de webserver (zoals _redirects en "
              "_headers) en worden niet gepubliceerd; verwijder dit bestand of geef het een andere naam")


def _theme(folder):
    return (f"de map docs/{folder}/ is van het thema van de site; zet bijlagen en afbeeldingen naast de pagina "
            "die ernaar verwijst")


def _generated(folder):
    return (f"de pagina's onder {folder}/ worden automatisch gemaakt; dit bestand zou er een vervangen of "
            "verbergen: geef het een andere naam of zet het in een andere map")


EXPECTED = [
    f"docs/_redirects:1:1: bestand: {UNDERSCORE}",
    f"docs/artikelen/_headers:1:1: bestand: {UNDERSCORE}",
    "docs/artikelen/logo.svg:1:1: bestand: SVG-afbeeldingen worden niet gepubliceerd: ze kunnen script bevatten; "
    "lever de afbeelding aan als PNG of JPG",
    "docs/artikelen/notities:1:1: bestand: bestanden van dit type (zonder extensie) worden niet gepubliceerd; "
    "toegestaan zijn afbeeldingen (PNG, JPG, GIF, WebP, AVIF), PDF, Office- en OpenDocument-bestanden (docx, "
    "xlsx, pptx, odt, ods, odp) en gegevens (csv, json, geojson)",
    "docs/artikelen/oud.doc:1:1: bestand: dit Office-formaat kan macro's bevatten en wordt niet gepubliceerd; sla "
    "het op als .docx, .xlsx of .pptx (zonder macro's), of als PDF",
    "docs/artikelen/pagina.html:1:1: bestand: HTML-bestanden worden niet gepubliceerd: ze kunnen script op de site "
    "zetten; schrijf de pagina in Markdown (.md)",
    f"docs/artikelen/script.js:1:1: bestand: {WHY_JS}",
    f"docs/assets/images/favicon.png:1:1: bestand: {_theme('assets')}",
    f"docs/assets/javascripts/bundle.js:1:1: bestand: {_theme('assets')}",
    f"docs/javascripts/extra.js:1:1: bestand: {_theme('javascripts')}",
    f"docs/kenniskaart.md:1:1: bestand: {_generated('kenniskaart')}",
    f"docs/nieuw.md:1:1: bestand: {_generated('nieuw')}",
    f"docs/search/search_index.json:1:1: bestand: {_theme('search')}",
    f"docs/stylesheets/extra.css:1:1: bestand: {_theme('stylesheets')}",
    f"docs/themas/bestaanszekerheid.md:1:1: bestand: {_generated('themas')}",
    f"docs/zoeken/index.md:1:1: bestand: {_generated('zoeken')}",
]


def test_check_refuses_every_file_that_is_not_published(tmp_path, monkeypatch):
    hub = project(tmp_path, FILES)
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert [line for line in result.stdout.splitlines() if ": bestand: " in line] == EXPECTED
    assert result.exit_code == 1


def test_the_build_publishes_only_allowed_files_and_the_sites_own(tmp_path):
    hub = project(tmp_path, FILES)
    with checks_switched_off(), pytest.MonkeyPatch.context() as patch:
        patch.setattr("kennisbank.content.hub.check_published", lambda *args, **kwargs: [])
        patch.setattr("kennisbank.content.hub.check_tree", lambda *args, **kwargs: [])
        site = hub.build(strict=False)
    for published in ("artikelen/kaart.png", "artikelen/rapport.pdf", "artikelen/cijfers.csv",
                      "javascripts/academie.js", "stylesheets/kennisbank.css"):
        assert (site.root / published).is_file(), published
    for refused in ("artikelen/pagina.html", "artikelen/script.js", "artikelen/logo.svg", "artikelen/oud.doc",
                    "artikelen/notities", "_redirects", "artikelen/_headers", "javascripts/extra.js",
                    "stylesheets/extra.css", "assets/images/favicon.png"):
        assert not (site.root / refused).exists(), refused
    # Material's own files stay Material's; the generated pages stay the generator's.
    assert (site.root / "assets/javascripts/bundle.js").exists() is False
    assert "alert(1)" not in "".join(p.read_text(errors="ignore") for p in (site.root / "assets").rglob("*.js"))
    assert "Mijn zoekpagina" not in site.html("zoeken/")
    assert (site.root / "search/search_index.json").read_text() != "{}"


def test_every_markdown_extension_mkdocs_renders_is_checked(tmp_path):
    assert set(MARKDOWN_EXTENSIONS) == set(mkdocs.utils.markdown_extensions)
    files = {f"pagina{ext.replace('.', '-')}{ext}": "# Kop\n\n<script>alert(1)</script>\n" for ext in MARKDOWN_EXTENSIONS}
    hub = project(tmp_path, files)
    problems = [str(p) for p in load_hub(hub.docs, hub.root).problems if p.field == "html"]
    assert [p.split(":")[0] for p in problems] == sorted(f"docs/{name}" for name in files)


def test_generated_pages_live_in_the_reserved_folders(tmp_path):
    hub = index_hub(load_hub(project(tmp_path, starter=True).docs))
    folders = {page_folder(page.src) for page in generated_pages(hub, GENERATORS)}
    assert folders - {"artikelen", "praktijkvoorbeelden", "academie"} == set(GENERATED_FOLDERS)


def test_an_item_with_another_markdown_extension_is_told_to_use_md(tmp_path):
    hub = project(tmp_path, {"artikelen/lang.markdown": article()})
    assert [str(p) for p in load_hub(hub.docs, hub.root).problems] == [
        "docs/artikelen/lang.markdown:1:1: bestandsnaam: gebruik de extensie .md: hernoem het bestand naar "
        "docs/artikelen/lang.md"]
