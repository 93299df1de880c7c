"""URLs that lead to another host: embeds judged by the host a browser contacts, external images refused."""

import re

import pytest
from click.testing import CliRunner
from hostile import EMBED_HOST, checks_switched_off, hostile_project

from kennisbank.cli import main
from kennisbank.content.urls import browser_host, leaves_site

HOSTS = [
    (f"https://{EMBED_HOST}/embed/x", EMBED_HOST),
    (f"https://evil.example\\@{EMBED_HOST}/embed/x", "evil.example"),
    (f"https:\\\\evil.example/{EMBED_HOST}", "evil.example"),
    (f"https:{EMBED_HOST}/embed/x", EMBED_HOST),
    (" \thttps://WWW.YouTube-NoCookie.com./embed/x", EMBED_HOST),
    ("https://www.you\ntube-nocookie.com/embed/x", EMBED_HOST),
    (f"https://user@{EMBED_HOST}/embed/x", None),
    (f"https://{EMBED_HOST}:8443/embed/x", None),
    ("https://www%2eyoutube-nocookie.com/embed/x", None),
    ("javascript:alert(1)//https://x", None),
]


@pytest.mark.parametrize("url, host", HOSTS)
def test_the_host_is_the_one_a_browser_contacts(url, host):
    assert browser_host(url) == host


@pytest.mark.parametrize("url, leaves", [
    ("foto.png", False), ("../afbeeldingen/foto.png", False), ("/afbeeldingen/foto.png", False),
    ("#kop", False), ("https://example.org/x.png", True), ("//example.org/x.png", True),
    ("/\\example.org/x.png", True), ("\\\\example.org/x.png", True), (" \t//example.org/x.png", True),
    ("ftp://example.org/x.png", True),
])
def test_a_url_leaves_the_site_when_a_browser_would_ask_another_host(url, leaves):
    assert leaves_site(url) is leaves


BODY = (f'<iframe src="https://evil.example\\@{EMBED_HOST}/embed/x"></iframe>\n\n'
        "![Pixel](https://tracker.example/pixel.png)\n\n"
        '<img src="//tracker.example/p.gif" alt="Teller">\n\n'
        "![Logo][logo]\n\n"
        "[logo]: /\\tracker.example/logo.png\n")


def test_check_refuses_an_embed_bypass_and_external_images(tmp_path, monkeypatch):
    hub = hostile_project(tmp_path, [BODY])
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    path = "docs/artikelen/aanval-000.md"
    external = ("staat op een andere website; dan vraagt de browser van elke bezoeker die website om de afbeelding "
                "(en vertelt die zo wie de pagina leest); zet de afbeelding in de repository, bijvoorbeeld naast "
                "deze pagina, en verwijs ernaar met een relatief pad")
    assert result.stdout.splitlines() == [
        f"{path}:12:1: html: <iframe> met adres 'https://evil.example\\@{EMBED_HOST}/embed/x' is niet toegestaan; "
        f"ingesloten inhoud mag alleen via https van deze hosts komen: {EMBED_HOST} (de redactie beheert de lijst "
        "onder extra.kennisbank.embeds in mkdocs.yml)",
        f"{path}:14:1: afbeelding: afbeelding 'https://tracker.example/pixel.png' {external}",
        f"{path}:16:1: afbeelding: afbeelding '//tracker.example/p.gif' {external}",
        f"{path}:18:1: afbeelding: afbeelding '/\\tracker.example/logo.png' {external}",
    ]
    assert result.exit_code == 1


def test_the_build_makes_no_request_to_another_host_when_the_check_is_missed(tmp_path):
    hub = hostile_project(tmp_path, [BODY])
    with checks_switched_off():
        page = hub.build(strict=False).article_html("artikelen/aanval-000/")
    assert "tracker.example" not in page and "evil.example" not in page
    assert re.findall(r"<img[^>]*>", page) == ['<img alt="Pixel">', '<img alt="Teller">', '<img alt="Logo">']
    assert "<iframe" not in page
