"""Paths in contributions: nothing outside docs/, no local disk paths, images that exist and have alt text."""

import os

import pytest
import yaml
from click.testing import CliRunner
from sitebuilder import REPO, article, project

from kennisbank.cli.commands import main

PNG = b"\x89PNG\r\n\x1a\n"


def check(hub, monkeypatch) -> list[str]:
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.stdout.splitlines()


def test_each_path_problem_is_reported_with_its_place(tmp_path, monkeypatch):
    body = ("![Kaart van de regio](../afbeeldingen/kaart.png)\n\n"
            "![](../afbeeldingen/kaart.png)\n\n"
            "![Logo](../afbeeldingen/Logo.png)\n\n"
            "![Grafiek](../afbeeldingen/grafiek.png)\n\n"
            "[Leesmij](../../README.md) en ![Wachtwoorden](../../../../etc/passwd)\n\n"
            "![Foto](/Users/jan/Desktop/foto.png) en [notitie](C:\\Users\\jan\\notitie.docx)\n\n"
            "[Bestand](file:///home/jan/plan.pdf)\n\n"
            '<img src="../afbeeldingen/kaart.png">\n\n'
            '<img src="../afbeeldingen/kaart.png" alt="">\n')
    hub = project(tmp_path, {"artikelen/paden.md": article(body=body),
                             "afbeeldingen/kaart.png": PNG, "afbeeldingen/logo.png": PNG,
                             "afbeeldingen/grafiek-2024.png": PNG})
    path = "docs/artikelen/paden.md"
    alt = ("afbeelding zonder alt-tekst; beschrijf tussen de [ ] in een paar woorden wat er te zien is "
           "(WCAG 1.1.1: zo weten ook blinde bezoekers wat de afbeelding laat zien)")
    outside = "wijst naar een bestand buiten de map docs/; alleen wat in docs/ staat wordt gepubliceerd, " \
              "zet het bestand dus in docs/"
    local = "is een pad op je eigen computer; zet het bestand in de map docs/ en verwijs er vanuit deze " \
            "pagina naar, bijvoorbeeld ../afbeeldingen/foto.png"
    assert check(hub, monkeypatch) == [
        f"{path}:12:1: afbeelding: {alt}",
        f"{path}:14:1: afbeelding: afbeelding '../afbeeldingen/Logo.png' bestaat niet (gezocht: "
        "docs/afbeeldingen/Logo.png); bedoelde je 'logo.png'? Let op hoofdletters en kleine letters",
        f"{path}:16:1: afbeelding: afbeelding '../afbeeldingen/grafiek.png' bestaat niet (gezocht: "
        "docs/afbeeldingen/grafiek.png); bedoelde je 'grafiek-2024.png'?",
        f"{path}:18:1: link: '../../README.md' {outside}",
        f"{path}:18:31: afbeelding: '../../../../etc/passwd' {outside}",
        f"{path}:20:1: afbeelding: '/Users/jan/Desktop/foto.png' {local}",
        f"{path}:20:41: link: 'C:\\Users\\jan\\notitie.docx' {local}",
        f"{path}:22:1: link: 'file:///home/jan/plan.pdf' {local}",
        f'{path}:24:1: afbeelding: afbeelding zonder alt-tekst; voeg alt="korte beschrijving" toe '
        "(WCAG 1.1.1: zo weten ook blinde bezoekers wat de afbeelding laat zien)",
    ]


def test_file_names_differing_only_in_case_unsafe_names_and_links(tmp_path, monkeypatch):
    # Capitals, spaces, accents, underscores and '.JPG' are harmless (exported trees are full of them);
    # a case clash, a name a URL cannot carry and a symbolic link are not.
    hub = project(tmp_path, {"artikelen/goed.md": article(), "afbeeldingen/kaart.png": PNG,
                             "afbeeldingen/Kaart.png": PNG, "afbeeldingen/Foto Café.JPG": PNG,
                             "afbeeldingen/EAID_1A2B3C4D_5E6F_4a7b.png": PNG,
                             "afbeeldingen/plan#2.pdf": b"%PDF-1.4", "afbeeldingen/100%.png": PNG})
    os.symlink("/etc/passwd", hub.docs / "afbeeldingen" / "wachtwoord.png")
    os.symlink("/etc/passwd", hub.docs / "artikelen" / "geheim.md")
    assert check(hub, monkeypatch) == [
        "docs/afbeeldingen/100%.png:1:1: bestandsnaam: '100%.png' kan niet als adres op de site staan; gebruik "
        "letters, cijfers, spaties en streepjes, bijvoorbeeld '100.png'",
        "docs/afbeeldingen/kaart.png:1:1: bestandsnaam: 'kaart.png' verschilt alleen in hoofdletters van "
        "docs/afbeeldingen/Kaart.png; op Windows en macOS is dat hetzelfde bestand, geef een van beide een "
        "andere naam",
        "docs/afbeeldingen/plan#2.pdf:1:1: bestandsnaam: 'plan#2.pdf' kan niet als adres op de site staan; "
        "gebruik letters, cijfers, spaties en streepjes, bijvoorbeeld 'plan-2.pdf'",
        "docs/afbeeldingen/wachtwoord.png:1:1: bestandsnaam: 'wachtwoord.png' is een symbolische koppeling; die "
        "zijn niet toegestaan, zet het bestand zelf in de map docs/",
        "docs/artikelen/geheim.md:1:1: bestandsnaam: 'geheim.md' is een symbolische koppeling; die zijn niet "
        "toegestaan, zet het bestand zelf in de map docs/",
    ]


def test_snippets_are_not_enabled_so_includes_stay_text(tmp_path):
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert not any("snippets" in name or "include" in name for name in names)
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIM-BUITEN-DE-REPO")
    body = f'--8<-- "{secret}"\n\n--8<-- "../mkdocs.yml"\n\n;--8<-- "mkdocs.yml"\n'
    site = project(tmp_path, {"artikelen/insluiten.md": article(body=body)}).build()
    text = site.text("artikelen/insluiten/")
    assert f'--8<-- "{secret}"' in text and '--8<-- "../mkdocs.yml"' in text
    assert "GEHEIM-BUITEN-DE-REPO" not in text and "site_name" not in text


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


@pytest.mark.parametrize("url", ["../afbeeldingen/kaart.png", "../afbeeldingen/kaart.png#x",
                                 "../afbeeldingen/kaart%20klein.png"])
def test_correct_images_pass(tmp_path, url):
    from kennisbank.content.hub import load_hub

    hub = project(tmp_path, {"artikelen/goed.md": article(body=f"![Kaart]({url})\n"),
                             "afbeeldingen/kaart.png": PNG, "afbeeldingen/kaart klein.png": PNG})
    problems = [str(p) for p in load_hub(hub.docs, hub.root).problems if "artikelen" in p.path]
    assert problems == []
