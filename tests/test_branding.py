"""The house style (extra.kennisbank.huisstijl): another organisation's name, logo and colours everywhere,
and a colour that fails WCAG 2.2 AA refused with the measured ratio and the nearest passing colour."""

from __future__ import annotations

import io
import re

import feedparser
import pytest
from click.testing import CliRunner
from pdfs import pdfs_on, render_page, text
from PIL import Image
from pypdf import PdfReader
from sitebuilder import article, project

from kennisbank.cli.commands import main
from kennisbank.content.branding import CHECKS, Branding, contrast_problems
from kennisbank.content.colours import Colour, contrast, nearest_passing, ratio_text

ORGANISATION = "Provincie Voorbeeldland"
SITE_NAME = "Kennisnetwerk Voorbeeldland"
GREEN = {"licht": ("#1b5e20", "#2e7d32"), "donker": ("#1b5e20", "#81c784")}


def png(colour: tuple[int, int, int] = (27, 94, 32), size: tuple[int, int] = (96, 32)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def huisstijl(organisation: str = ORGANISATION, colours: dict[str, tuple[str, str]] | None = None,
              **files: str) -> str:
    """The lines of a huisstijl block in mkdocs.yml."""
    lines = ["    huisstijl:", f"      organisatie: {organisation}"]
    lines += [f"      {key}: {value}" for key, value in files.items()]
    lines.append("      kleuren:")
    for scheme, (primary, accent) in (colours or GREEN).items():
        lines.append(f'        {scheme}: {{primair: "{primary}", accent: "{accent}"}}')
    return "\n".join(lines) + "\n"


def branded(tmp_path, block: str, files: dict[str, str | bytes] | None = None, site_name: str = SITE_NAME,
            starter: bool = False):
    """A project whose mkdocs.yml has ``block`` as its house style (and another site name)."""
    hub = project(tmp_path, files, starter=starter)
    config = hub.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, replaced = re.subn(r"^    huisstijl:\n(?:      .*\n|\s*#.*\n)*", lambda _: block, text, count=1,
                             flags=re.MULTILINE)
    assert replaced == 1
    text = re.sub(r"^site_name: .*$", f"site_name: {site_name}", text, count=1, flags=re.MULTILINE)
    config.write_text(text, encoding="utf-8")
    return hub


def build_messages(hub, caplog) -> str:
    """What a failing build logged (MkDocs logs the reasons; the exception only says it stopped)."""
    caplog.clear()
    hub.build_fails()
    return caplog.text


def line_of(hub, needle: str) -> tuple[int, int]:
    """Line and column (of the key) of the first line of mkdocs.yml holding ``needle``."""
    for number, line in enumerate((hub.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number, len(line) - len(line.lstrip()) + 1
    raise AssertionError(needle)


ITEM = article("Waterbeheer in de regio", auteurs=[ORGANISATION], themas=["klimaat-energie"])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    hub = branded(tmp_path_factory.mktemp("huisstijl"), huisstijl(logo="afbeeldingen/logo.png"),
                  {"afbeeldingen/logo.png": png(), "artikelen/waterbeheer.md": ITEM})
    return hub.build()


def test_the_home_page_shows_the_organisation_its_logo_and_its_colours(site):
    page = site.html("")
    assert f'<img src="afbeeldingen/logo.png" alt="{ORGANISATION}">' in page
    assert f'<p class="kb-hero__org">{ORGANISATION}</p>' in page
    assert f"<h1>{SITE_NAME}</h1>" in page
    assert f'<p class="kb-footer-org">{ORGANISATION}</p>' in page
    # Material's 'custom' palette, with the colours from the generated stylesheet, listed before the site's own.
    assert page.count('data-md-color-primary="custom"') == 3 and "indigo" not in page
    styles = re.findall(r'<link rel="stylesheet" href="(stylesheets/[^"]+)"', page)
    assert styles[0] == "stylesheets/huisstijl.css"
    # Without a favicon of its own the logo is the favicon.
    assert '<link rel="icon" href="afbeeldingen/logo.png">' in page


def test_the_generated_stylesheet_holds_the_checked_colours_of_both_palettes(site):
    css = (site.root / "stylesheets" / "huisstijl.css").read_text(encoding="utf-8")
    light, dark = css.split('[data-md-color-scheme="slate"] {', 1)
    assert "--md-primary-fg-color: #1b5e20;" in light and "--md-accent-fg-color: #2e7d32;" in light
    assert "--md-typeset-a-color: #1b5e20;" in light and "--kb-button-active-fg: #ffffff;" in light
    assert "--md-primary-fg-color: #1b5e20;" in dark and "--md-typeset-a-color: #81c784;" in dark
    assert "--kb-focus-color: #81c784;" in dark and "--kb-button-active-fg: #1e2129;" in dark


def test_item_and_not_found_pages_carry_the_branding_and_nothing_of_the_vng(site):
    for url in ("artikelen/waterbeheer/", "404.html"):
        page = site.html(url)
        assert f'alt="{ORGANISATION}"' in page, url
        assert f'<p class="kb-footer-org">{ORGANISATION}</p>' in page, url
        assert re.search(f"<title>(.* - )?{SITE_NAME}</title>", page), url
        assert "VNG" not in page and "Vereniging van Nederlandse Gemeenten" not in page, url


def test_the_feeds_are_titled_by_the_site_and_authored_by_the_organisation(site):
    atom = feedparser.parse((site.root / "nieuw" / "atom.xml").read_bytes())
    assert atom.feed.title == SITE_NAME
    assert atom.feed.author == ORGANISATION
    rss = feedparser.parse((site.root / "nieuw" / "rss.xml").read_bytes())
    assert rss.feed.title == SITE_NAME
    theme = feedparser.parse((site.root / "themas" / "klimaat-energie" / "atom.xml").read_bytes())
    assert theme.feed.title == f"{SITE_NAME}: Klimaat & energie"
    assert f'title="{SITE_NAME} (Atom)"' in site.html("artikelen/waterbeheer/")
    for path in ("nieuw/atom.xml", "nieuw/rss.xml"):
        assert "VNG" not in (site.root / path).read_text(encoding="utf-8")


def test_a_favicon_of_its_own_wins_and_without_logo_or_favicon_the_build_draws_one(tmp_path):
    own = branded(tmp_path / "eigen", huisstijl(favicon="afbeeldingen/icoon.png"),
                  {"afbeeldingen/icoon.png": png(size=(32, 32))}).build()
    assert '<link rel="icon" href="afbeeldingen/icoon.png">' in own.html("")
    drawn = branded(tmp_path / "getekend", huisstijl()).build()
    assert '<link rel="icon" href="assets/kennisbank/favicon.svg">' in drawn.html("")
    svg = (drawn.root / "assets" / "kennisbank" / "favicon.svg").read_text(encoding="utf-8")
    assert 'fill="#1b5e20"' in svg and ">P</text>" in svg


def test_a_colour_that_fails_aa_is_refused_with_ratio_requirement_and_nearest_passing_colour(tmp_path, caplog):
    colours = {"licht": ("#6c8ebf", "#2e7d32"), "donker": ("#1b5e20", "#2e7d32")}
    hub = branded(tmp_path, huisstijl(colours=colours))
    light, _ = line_of(hub, 'licht: {primair: "#6c8ebf"')
    dark, _ = line_of(hub, 'donker: {primair: "#1b5e20"')
    # The column of the colour's key in the flow mapping: {primair: …, accent: …}.
    key = "extra.kennisbank.huisstijl.kleuren"
    expected = [
        f"mkdocs.yml:{light}:17: {key}.licht.primair: '#6c8ebf' geeft witte tekst op de kopbalk, de tabs, de "
        "zoekband en primaire knoppen een contrast van 3,03:1; WCAG 2.2 AA vraagt minstens 4,5:1; de "
        "dichtstbijzijnde kleur die wel voldoet is '#486fa6'",
        f"mkdocs.yml:{light}:17: {key}.licht.primair: '#6c8ebf' geeft links en omlijnde knoppen op de witte "
        "achtergrond een contrast van 3,35:1; WCAG 2.2 AA vraagt minstens 4,5:1; de dichtstbijzijnde kleur die "
        "wel voldoet is '#486fa6'",
        f"mkdocs.yml:{light}:17: {key}.licht.primair: '#6c8ebf' geeft links in grijze vlakken (feiten, code) een "
        "contrast van 3,07:1; WCAG 2.2 AA vraagt minstens 4,5:1; de dichtstbijzijnde kleur die wel voldoet is "
        "'#486fa6'",
        f"mkdocs.yml:{dark}:38: {key}.donker.accent: '#2e7d32' geeft links, omlijnde knoppen en donkere tekst op "
        "knoppen met focus of onder de muis een contrast van 3,13:1; WCAG 2.2 AA vraagt minstens 4,5:1; de "
        "dichtstbijzijnde kleur die wel voldoet is '#3da542'",
        f"mkdocs.yml:{dark}:38: {key}.donker.accent: '#2e7d32' geeft links in grijze vlakken (feiten, code) een "
        "contrast van 2,78:1; WCAG 2.2 AA vraagt minstens 4,5:1; de dichtstbijzijnde kleur die wel voldoet is "
        "'#3da542'",
    ]
    logged = build_messages(hub, caplog)
    assert sorted(line for line in logged.splitlines() if "huisstijl" in line) == sorted(expected)
    # 'kennisbank check' (every pull request) says the same, without MkDocs.
    result = CliRunner().invoke(main, ["check", "--docs", str(hub.docs), "-f", str(hub.root / "mkdocs.yml")])
    assert result.exit_code == 1
    assert sorted(line for line in result.output.splitlines() if "huisstijl" in line) == sorted(expected)


def test_the_suggested_colour_passes_every_check_of_its_key():
    failing = Branding(kleuren={"licht": {"primair": "#6c8ebf", "accent": "#ffb300"},
                                "donker": {"primair": "#90caf9", "accent": "#283593"}})
    suggestions = {loc: re.search(r"'(#[0-9a-f]{6})'$", message)[1] for loc, message in contrast_problems(failing)}
    assert len(suggestions) == 4
    fixed = Branding(kleuren={scheme: {role: suggestions.get(("kleuren", scheme, role),
                                                             getattr(getattr(failing.kleuren, scheme), role))
                                       for role in ("primair", "accent")} for scheme in ("licht", "donker")})
    assert contrast_problems(fixed) == []


def test_the_default_vng_like_palette_passes_every_check():
    assert contrast_problems(Branding()) == []
    assert {check.key for check in CHECKS} == {("licht", "primair"), ("licht", "accent"),
                                               ("donker", "primair"), ("donker", "accent")}


@pytest.mark.parametrize(("value", "message"), [
    ("blauw", "ongeldige kleur 'blauw'; schrijf een hexadecimale kleurcode, bijvoorbeeld '#1f3a68'"),
    ("#1b5e2080", "ongeldige kleur '#1b5e2080'; schrijf een hexadecimale kleurcode, bijvoorbeeld '#1f3a68'; een "
                  "kleur met doorzichtigheid past niet: het contrast zou van de achtergrond afhangen"),
])
def test_a_colour_that_is_no_colour_is_named_at_its_key(tmp_path, caplog, value, message):
    hub = branded(tmp_path, huisstijl(colours={"licht": (value, "#2e7d32")}))
    line, _ = line_of(hub, f'licht: {{primair: "{value}"')
    assert (f"mkdocs.yml:{line}:17: extra.kennisbank.huisstijl.kleuren.licht.primair: {message}"
            in build_messages(hub, caplog))


def test_an_organisation_name_with_a_control_character_is_refused(tmp_path, caplog):
    hub = branded(tmp_path, huisstijl(organisation='"Provincie\\u000bVoorbeeldland"'))
    line, column = line_of(hub, "organisatie:")
    assert (f"mkdocs.yml:{line}:{column}: extra.kennisbank.huisstijl.organisatie: de naam bevat het onzichtbare "
            "teken U+000B; verwijder het" in build_messages(hub, caplog))


def test_colours_are_read_leniently_and_an_unknown_key_gets_a_suggestion(tmp_path, caplog):
    lenient = branded(tmp_path / "los", huisstijl(colours={"licht": ("1B5E20", "#2E7D32"), "donker": ("#153", "#81c784")}))
    css = (lenient.build().root / "stylesheets" / "huisstijl.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #1b5e20;" in css and "--md-primary-fg-color: #115533;" in css
    typo = branded(tmp_path / "typo", huisstijl().replace("      organisatie:", "      organisatie_naam:"))
    line, _ = line_of(typo, "organisatie_naam:")
    assert (f"mkdocs.yml:{line}:7: extra.kennisbank.huisstijl.organisatie_naam: onbekend veld 'organisatie_naam'; "
            "bedoelde je 'organisatie'?" in build_messages(typo, caplog))


@pytest.mark.parametrize(("name", "content", "message"), [
    ("afbeeldingen/logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "'afbeeldingen/logo.svg' is een SVG-bestand; dat kan script bevatten en wordt daarom niet gepubliceerd; "
     "lever het als PNG aan, bijvoorbeeld met 'rsvg-convert -h 192 logo.svg -o logo.png'"),
    ("afbeeldingen/logo.png", b"<html><script>alert(1)</script></html>",
     "'afbeeldingen/logo.png' heet een PNG-bestand, maar de inhoud is dat niet; sla de afbeelding opnieuw op "
     "als PNG"),
    ("afbeeldingen/logo.gif", b"GIF89a",
     "'afbeeldingen/logo.gif' is geen PNG-, JPG- of WebP-afbeelding; lever het bestand in een van die formaten "
     "aan"),
    ("../logo.png", None, "'../logo.png' ligt buiten de inhoudsmap; zet het bestand in docs/, bijvoorbeeld in "
                          "docs/afbeeldingen/"),
    ("afbeeldingen/ontbreekt.png", None, "'afbeeldingen/ontbreekt.png' bestaat niet in de inhoudsmap (docs/); geef "
                                         "het pad vanaf docs/ op, bijvoorbeeld afbeeldingen/logo.png"),
])
def test_a_logo_that_is_not_a_safe_raster_image_is_refused(tmp_path, caplog, name, content, message):
    files = {name: content} if content is not None else {}
    hub = branded(tmp_path, huisstijl(logo=name), files)
    if name.startswith(".."):
        (hub.root / "logo.png").write_bytes(png())
    line, column = line_of(hub, f"logo: {name}")
    assert (f"mkdocs.yml:{line}:{column}: extra.kennisbank.huisstijl.logo: {message}"
            in build_messages(hub, caplog))


def test_contrast_follows_wcag():
    black, white = Colour(0, 0, 0), Colour(255, 255, 255)
    assert contrast(black, white) == pytest.approx(21)
    assert contrast(Colour.parse("#777777"), white) == pytest.approx(4.478, abs=0.001)
    # Rounded down: a ratio just below the limit never reads as reaching it.
    assert ratio_text(4.4999) == "4,49:1" and ratio_text(21) == "21,00:1"
    grey = Colour.parse("#777777")
    passing = nearest_passing(grey, lambda c: contrast(c, white) >= 4.5)
    assert passing == Colour.parse("#767676")  # the well-known lightest grey that passes on white


@pytest.mark.pdf
@pytest.mark.slow
def test_a_pdf_cover_shows_the_logo_site_publisher_and_colour(tmp_path):
    hub = branded(tmp_path, huisstijl(logo="afbeeldingen/logo.png"),
                  {"afbeeldingen/logo.png": png((230, 81, 0), (192, 64)), "artikelen/waterbeheer.md": ITEM})
    with pdfs_on():
        site = hub.build()
    pdf = site.root / "artikelen" / "waterbeheer.pdf"
    reader = PdfReader(pdf)
    assert reader.metadata.author == ORGANISATION
    cover = reader.pages[0].extract_text()
    assert cover.splitlines()[:3] == [SITE_NAME, f"Uitgever: {ORGANISATION}", "ARTIKEL"]
    assert [image.image.size for image in reader.pages[0].images] == [(192, 64)]
    # The running footer names the site on every page after the cover.
    assert all(page.extract_text().splitlines()[-1].startswith(SITE_NAME) for page in reader.pages[1:])
    assert "VNG" not in text(reader)
    # The rule under the site's name and the headings are drawn in the house style's primary colour (the logo is orange).
    picture = Image.open(render_page(pdf, 1, "huisstijl-omslag")).convert("RGB")
    colours = {colour for _, colour in picture.getcolors(1 << 20)}
    assert (27, 94, 32) in colours and (0x2b, 0x3a, 0x8f) not in colours
