"""Raw HTML and URLs that could run script: rejected by `check` at their line, and gone from the built page."""

import re

import pytest
from click.testing import CliRunner
from hostile import EMBED_HOST, INERT, REJECTED, audit, checks_switched_off, hostile_project, payload_lines, src_of
from sitebuilder import article, project

from kennisbank.cli.commands import main
from kennisbank.content.hub import load_hub
from kennisbank.content.settings import Settings

FIELDS = {"html", "link", "afbeelding", "attributen"}


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    hub = hostile_project(tmp_path_factory.mktemp("check"), REJECTED)
    return hub, load_hub(hub.docs, hub.root, Settings(embeds=(EMBED_HOST,)))


@pytest.mark.parametrize("index", range(len(REJECTED)), ids=lambda i: REJECTED[i][:60])
def test_check_rejects_each_payload_at_its_line(checked, index):
    hub, loaded = checked
    lines = payload_lines(hub, index, REJECTED[index])
    found = [p for p in loaded.problems.errors()
             if p.path == f"docs/{src_of(index)}" and p.line in lines and p.field in FIELDS]
    assert found, f"no error for payload {REJECTED[index]!r}"


def test_check_explains_each_kind_in_dutch(tmp_path, monkeypatch):
    body = ("Tekst <script>alert(1)</script> en `<script>` als code.\n\n"
            "```html\n<script>ook code</script>\n```\n\n"
            "[klik](jav&#x61;script:alert(1)) ![logo](data:image/png;base64,AAAA)\n\n"
            '<img src="../img.png" alt="x" onerror="alert(1)">\n\n'
            '<iframe src="https://evil.example/film"></iframe>\n\n'
            "Alinea\n{: onclick=\"alert(1)\" }\n\n"
            '<p style="background: url(https://evil.example/pixel)">x</p>\n\n'
            "<svg><circle r=4 /></svg>\n")
    hub = project(tmp_path, {"artikelen/aanval.md": article(body=body), "img.png": b"\x89PNG"})
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    path = "docs/artikelen/aanval.md"
    assert result.stdout.splitlines() == [
        f"{path}:10:7: html: <script> is niet toegestaan: code in een bijdrage zou in de browser van bezoekers "
        "draaien; wil je HTML als voorbeeld tonen, zet het dan in een codeblok tussen ``` en ```",
        f"{path}:16:1: link: een 'javascript:'-adres voert code uit in de browser van de bezoeker; link naar een "
        "gewone webpagina (https://…)",
        f"{path}:16:34: afbeelding: een 'data:'-adres kan code bevatten; voeg het bestand toe aan de map docs/ "
        "en verwijs ernaar",
        f"{path}:18:1: html: het attribuut 'onerror' is niet toegestaan: het voert code uit in de browser",
        f"{path}:20:1: html: <iframe> met adres 'https://evil.example/film' is niet toegestaan; ingesloten inhoud "
        "mag alleen via https van deze hosts komen: nog geen enkele (de redactie beheert de lijst onder "
        "extra.kennisbank.embeds in mkdocs.yml)",
        f"{path}:23:1: attributen: het attribuut 'onclick' is niet toegestaan: het voert code uit in de browser",
        f"{path}:25:1: html: dit style-attribuut is niet toegestaan: het laadt of voert iets uit; de opmaak komt "
        "uit het thema van de site",
        f"{path}:27:1: html: SVG-code in de tekst is niet toegestaan (SVG kan script bevatten); neem een "
        "afbeelding op met ![beschrijving](bestand.png)",
    ]
    assert result.exit_code == 1


def test_code_examples_and_inert_text_are_not_errors(tmp_path):
    hub = project(tmp_path, {"artikelen/uitleg.md": article(body=(
        "Schrijf nooit `<script>` of `[x](javascript:…)` in een bijdrage.\n\n"
        "```html\n<iframe src=\"https://evil.example\"></iframe>\n<img src=x onerror=alert(1)>\n```\n\n"
        "~~~~\n```\n<script>nog steeds code</script>\n```\n~~~~\n\n"
        "De wiskunde: 3 < 4 en 5 > 2. Tabel { .kb-facts } blijft staan.\n"))})
    loaded = load_hub(hub.docs, hub.root)
    assert list(loaded.problems) == []


def test_allowed_embed_host_passes_check_and_keeps_its_address_sandboxed(tmp_path):
    embed = f'<iframe src="https://{EMBED_HOST}/embed/abc" width="560" height="315"></iframe>\n'
    hub = hostile_project(tmp_path, [embed])
    assert list(load_hub(hub.docs, hub.root, Settings(embeds=(EMBED_HOST,))).problems) == []
    page = hub.build().article_html("artikelen/aanval-000/")
    assert (f'<iframe src="https://{EMBED_HOST}/embed/abc" width="560" height="315" '
            'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"></iframe>') in page


def test_embed_setting_is_validated(tmp_path, caplog):
    hub = project(tmp_path)
    config = hub.root / "mkdocs.yml"
    config.write_text(config.read_text() + "\nextra:\n  kennisbank:\n    embeds: ['https://www.youtube.com/']\n")
    hub.build_fails()
    line = config.read_text().splitlines().index("    embeds: ['https://www.youtube.com/']") + 1
    assert (f"mkdocs.yml:{line}:5: extra.kennisbank.embeds: ongeldige host 'https://www.youtube.com/'; schrijf alleen "
            "de hostnaam, bijvoorbeeld www.youtube-nocookie.com") in caplog.text


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory):
    hub = hostile_project(tmp_path_factory.mktemp("unchecked"), REJECTED + INERT)
    with checks_switched_off():
        return hub.build()


@pytest.mark.slow  # the unchecked site: every payload in one build with the check switched off
@pytest.mark.parametrize("index", range(len(REJECTED + INERT)), ids=lambda i: (REJECTED + INERT)[i][:60])
def test_sanitizer_leaves_no_script_even_when_the_check_misses_everything(unchecked_site, index):
    page = unchecked_site.html(f"artikelen/aanval-{index:03d}/")
    content = page[page.index('<article class="md-content__inner'):page.index("</article>")]
    assert audit(content) == []


@pytest.mark.slow
def test_whole_pages_have_no_inline_handlers_or_script_urls(unchecked_site):
    for page in sorted(unchecked_site.root.glob("artikelen/aanval-*/index.html")):
        text = page.read_text(encoding="utf-8")
        # Material's own page has forms, inputs and scripts; no element may carry a handler or script URL.
        findings = [f for f in audit(text) if f.startswith(("attribute ", "url "))]
        assert findings == [], page
        # Material's own scripts are the only ones, all loaded from the site itself.
        assert all(src.startswith(("../../assets/", "../../javascripts/"))
                   for src in re.findall(r'<script src="([^"]+)"', text)), page


def test_sanitizer_keeps_what_markdown_makes_and_drops_refused_frames():
    from kennisbank.site.sanitize import sanitize

    made = ('<div class="admonition note"><p class="admonition-title">Let op</p></div>'
            '<table><thead><tr><th style="text-align: center;">a</th></tr></thead></table>'
            '<li class="task-list-item"><input type="checkbox" disabled checked> klaar</li>'
            '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
            '<h2 id="kop">Kop<a class="headerlink" href="#kop" title="Link naar deze sectie">¶</a></h2>')
    assert sanitize(made) == (
        '<div class="admonition note"><p class="admonition-title">Let op</p></div>'
        '<table><thead><tr><th style="text-align:center">a</th></tr></thead></table>'
        '<li class="task-list-item"><input type="checkbox" checked="" disabled="disabled"> klaar</li>'
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
        '<h2 id="kop">Kop<a class="headerlink" href="#kop" title="Link naar deze sectie">¶</a></h2>')
    assert sanitize('a<iframe src="https://evil.example/" width="5">x</iframe>b', [EMBED_HOST]) == "ab"
    assert sanitize('<input type="text" name="wachtwoord">') == '<input disabled="disabled">'


def test_emoji_shortcodes_make_no_request_to_a_cdn(tmp_path):
    site = project(tmp_path, {"artikelen/a.md": article("Een", body="Feest :smile: en :material-check:\n")}).build()
    html = site.article_html("artikelen/a/")
    assert "😄" in html
    assert "<svg" in html  # Material's own icons stay inline SVG
    assert "cdn" not in html and "<img" not in html
