"""Mermaid diagrams: the vendored Mermaid, loaded only on pages with a diagram, and the PDF fallback.

The drawing itself happens in the browser (tests/test_browser_diagrams.py); here the built pages and PDFs.
"""

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from sitebuilder import REPO, article, project

from kennisbank.site.diagrams import MERMAID_SCRIPT, MERMAID_VERSION, has_diagram

FIXTURES = Path(__file__).parent / "fixtures"
VENDORED = REPO / "overrides" / MERMAID_SCRIPT
FLOW = "```mermaid\ngraph LR\n  A[Aanvraag] --> B{Besluit}\n  B -->|ja| C[Toekenning]\n```\n"
SCRIPTS = re.compile(r'<script src="([^"]+)"')


def test_vendored_mermaid_is_the_pinned_release_unchanged():
    vendor = (VENDORED.parent / "VENDOR.txt").read_text(encoding="utf-8")
    digest = hashlib.sha256(VENDORED.read_bytes()).hexdigest()
    assert f"sha256 of mermaid.min.js:         {digest}" in vendor
    assert vendor.startswith(f"Mermaid {MERMAID_VERSION} ")
    # The release says its own version; the file ends by setting the global Material looks for.
    source = VENDORED.read_text(encoding="utf-8")
    assert f'version:"{MERMAID_VERSION}"' in source
    assert source.rstrip().endswith('globalThis["mermaid"] = globalThis.__esbuild_esm_mermaid_nm["mermaid"].default;')
    assert (VENDORED.parent / "LICENSE").read_text(encoding="utf-8").startswith("The MIT License")


@pytest.mark.parametrize("html, drawn", [
    ('<pre class="mermaid"><code>graph LR</code></pre>', True),
    ('<pre class="groot mermaid breed"><code>graph LR</code></pre>', True),
    ('<pre><code class="language-mermaid">graph LR</code></pre>', False),  # an ordinary code block
    ('<pre class="mermaidachtig"><code>x</code></pre>', False),
    ('<p class="mermaid">x</p>', False),  # Material draws only pre.mermaid
])
def test_has_diagram_finds_what_material_draws(html, drawn):
    assert has_diagram(html) is drawn


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    hub = project(tmp_path_factory.mktemp("diagrammen"), {
        "artikelen/met-diagram.md": article("Met diagram", "Het proces:\n\n" + FLOW),
        "artikelen/zonder-diagram.md": article("Zonder diagram", "Code:\n\n```python\nprint('mermaid')\n```\n"),
    })
    return hub.build()


def test_a_diagram_page_loads_the_vendored_mermaid_before_materials_bundle(site):
    page = site.html("artikelen/met-diagram/")
    scripts = SCRIPTS.findall(page)
    bundle = next(i for i, src in enumerate(scripts) if "assets/javascripts/bundle." in src)
    assert scripts[bundle - 2: bundle] == ["../../assets/javascripts/mermaid/mermaid.min.js",
                                           "../../assets/javascripts/kennisbank/diagrammen.js"]
    assert "unpkg" not in page and "cdn" not in page
    assert ('<pre class="mermaid"><code>graph LR\n  A[Aanvraag] --&gt; B{Besluit}\n  B --&gt;|ja| C[Toekenning]'
            "</code></pre>") in site.article_html("artikelen/met-diagram/")
    assert (site.root / MERMAID_SCRIPT).read_bytes() == VENDORED.read_bytes()


def test_pages_without_a_diagram_do_not_load_mermaid(site):
    for url in ("artikelen/zonder-diagram/", "", "artikelen/", "themas/bestaanszekerheid/"):
        assert not [src for src in SCRIPTS.findall(site.html(url)) if "mermaid" in src or "diagrammen" in src], url
    assert '<span class="s1">\'mermaid\'</span>' in site.article_html("artikelen/zonder-diagram/")


def test_the_handbook_fixture_page_has_its_two_diagrams(tmp_path):
    hub = project(tmp_path)
    shutil.copytree(FIXTURES / "handboek-informatiebeveiliging" / "docs", hub.docs, dirs_exist_ok=True)
    site = hub.build()
    url = "collecties/handboek-ib/incidenten/afhandeling/"
    html = site.article_html(url)
    assert html.count('<pre class="mermaid"><code>') == 2
    assert "flowchart TD\n    M[Melding bij servicedesk] --&gt; B{Persoonsgegevens betrokken?}" in html
    assert "sequenceDiagram\n    Medewerker-&gt;&gt;Servicedesk: Meldt incident" in html
    assert any(src.endswith("mermaid/mermaid.min.js") for src in SCRIPTS.findall(site.html(url)))


@pytest.mark.pdf
def test_pdf_shows_a_box_pointing_to_the_online_diagram_with_its_source(tmp_path):
    from pdfs import external_links, pdfs_on, squeeze, text
    from pypdf import PdfReader

    hub = project(tmp_path, {"artikelen/met-diagram.md": article("Met diagram", "Het proces:\n\n" + FLOW)})
    with pdfs_on():
        hub.build()
    reader = PdfReader(hub.root / "site/artikelen/met-diagram.pdf")
    document = text(reader)
    # squeeze: the sentence wraps (and hyphenates) where the page ends a line.
    assert squeeze("Het proces: Diagram: zie de online versie op https://kennisbank.example.nl/artikelen/met-diagram/. "
                   "Hieronder staat de beschrijving van het diagram in Mermaid-code.") in squeeze(document)
    assert "graph LR\n  A[Aanvraag] --> B{Besluit}\n  B -->|ja| C[Toekenning]\n" in document
    assert "https://kennisbank.example.nl/artikelen/met-diagram/" in external_links(reader)


FETCHING = """Tekst.

```mermaid
flowchart LR
    A[Start] --> H@{ img: "https://beeldbank.example/foto.png", label: "Foto" }
    A --> L@{ img: "foto.png", label: "Eigen foto" }
    style A fill:#f9f,stroke:rgb(51,51,51),stroke-width:4px
    classDef x fill:#fff,stroke:\\75 rl(//beeldbank.example/s.png)
    linkStyle 0 stroke:url(//beeldbank.example/lijn.png)
```

```python
img: "https://beeldbank.example/gewone-code.png"
```
"""


def test_check_refuses_what_a_diagram_would_fetch_from_another_host(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kennisbank.cli import main

    hub = project(tmp_path, {"artikelen/ophalen.md": article("Ophalen", FETCHING)})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    advice = ("de browser van elke bezoeker vraagt die website er dan om (en vertelt zo wie de pagina leest); zet de "
              "afbeelding in de repository en laat haar naast het diagram zien, of laat haar weg")
    path = "docs/artikelen/ophalen.md"
    assert [line for line in result.stdout.splitlines() if line.startswith(path)] == [
        f"{path}:14:22: diagram: afbeelding 'https://beeldbank.example/foto.png' staat op een andere website; " + advice,
        f"{path}:17:33: diagram: opmaak '\\' is in een diagram niet toegestaan; gebruik alleen kleuren (#336699, "
        "rgb(…)), lijndiktes en lettergroottes, zoals fill:#f9f,stroke:#333",
        f"{path}:18:24: diagram: 'url(//beeldbank.example/lijn.png)' laadt een bestand in de opmaak van het diagram; "
        + advice,
    ]


def test_default_build_leaves_out_a_page_whose_diagram_fetches_elsewhere(tmp_path):
    hub = project(tmp_path, {"artikelen/ophalen.md": article("Ophalen", FETCHING),
                             "artikelen/met-diagram.md": article("Met diagram", FLOW)})
    site = hub.build(strict=False)
    assert not (site.root / "artikelen/ophalen").exists()
    assert '<pre class="mermaid">' in site.article_html("artikelen/met-diagram/")
