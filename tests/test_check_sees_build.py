"""'kennisbank check' reports what degrades a build, at its line; when check is green, the strict build is too."""

import logging

from click.testing import CliRunner
from sitebuilder import article, project

from kennisbank.cli import main
from kennisbank.mkdocs.build_log import translate

PNG = b"\x89PNG\r\n\x1a\n"

BROKEN = """Een [![Logo van de gemeente](../afbeeldingen/ontbreekt.png)](goed.md) link met een afbeelding.

[Handleiding](../bijlagen/handleiding.pdf), [tabel](../bijlagen/Tabel.xlsx) en [sjabloon](../bijlagen/sjabloon.docx).

[Plan met spatie](../bijlagen/plan 2024.pdf) en ![Foto met spatie](../afbeeldingen/foto gemeentehuis.png)

[Als adres](/artikelen/goed/) en [weg](/nergens/plan.pdf) en [werkt](/bijlagen/tabel.xlsx)

[Gewone pagina](../bestaat-niet.md) en [overzicht](../themas/bestaanszekerheid.md)

```python title="voorbeeld.py" showLineNumbers
print("hallo")
```

```js {1,3}
a()
```

<!-- [oud](../bijlagen/weg.pdf) -->
"""

FIXED = """Een [![Logo van de gemeente](../afbeeldingen/logo.png)](goed.md) link met een afbeelding.

[Handleiding](../bijlagen/handleiding.pdf), [tabel](../bijlagen/tabel.xlsx) en [sjabloon](../bijlagen/sjabloon.docx).

[Plan met spatie](../bijlagen/plan 2024.pdf) en ![Foto met spatie](../afbeeldingen/foto gemeentehuis.png)

[Als adres](/artikelen/goed.md) en [werkt](/bijlagen/tabel.xlsx)

[Overzicht](../themas/bestaanszekerheid.md)

```python title="voorbeeld.py" linenums="1"
print("hallo")
```

```js hl_lines="1 3"
a()
```
"""

ASSETS = {"afbeeldingen/logo.png": PNG, "afbeeldingen/foto gemeentehuis.png": PNG,
          "bijlagen/tabel.xlsx": b"PK", "bijlagen/handleiding.pdf": b"%PDF-1.4", "bijlagen/sjabloon.docx": b"PK",
          "bijlagen/plan 2024.pdf": b"%PDF-1.4"}


def check(hub, monkeypatch) -> tuple[int, list[str]]:
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    return result.exit_code, result.stdout.splitlines()


def test_check_reports_everything_that_degrades_the_build(tmp_path, monkeypatch):
    hub = project(tmp_path, {"artikelen/goed.md": article("Goed", body=BROKEN),
                             "afbeeldingen/foto gemeentehuis.png": PNG, "bijlagen/tabel.xlsx": b"PK"})
    path = "docs/artikelen/goed.md"
    code, lines = check(hub, monkeypatch)
    assert code == 1
    ignored = "van dit codeblok wordt niet herkend en genegeerd"
    assert lines == [
        f"{path}:10:6: afbeelding: afbeelding '../afbeeldingen/ontbreekt.png' bestaat niet "
        "(gezocht: docs/afbeeldingen/ontbreekt.png)",
        f"{path}:12:1: link: bestand '../bijlagen/handleiding.pdf' bestaat niet (gezocht: "
        "docs/bijlagen/handleiding.pdf)",
        f"{path}:12:45: link: bestand '../bijlagen/Tabel.xlsx' bestaat niet (gezocht: docs/bijlagen/Tabel.xlsx); "
        "bedoelde je 'tabel.xlsx'? Let op hoofdletters en kleine letters",
        f"{path}:12:80: link: bestand '../bijlagen/sjabloon.docx' bestaat niet (gezocht: "
        "docs/bijlagen/sjabloon.docx)",
        f"{path}:14:1: link: bestand '../bijlagen/plan 2024.pdf' bestaat niet (gezocht: docs/bijlagen/plan 2024.pdf)",
        f"{path}:16:1: link: '/artikelen/goed/' is het adres van een pagina, niet het bestand; schrijf "
        "'/artikelen/goed.md' (het pad in docs/), dan klopt de link ook als de site in een submap staat",
        f"{path}:16:34: link: bestand '/nergens/plan.pdf' bestaat niet (gezocht: docs/nergens/plan.pdf)",
        f"{path}:18:1: link: pagina '../bestaat-niet.md' bestaat niet (gezocht: docs/bestaat-niet.md)",
        f"{path}:20:32: codeblok: optie 'showLineNumbers' {ignored}; schrijf linenums=\"1\"",
        f"{path}:24:8: codeblok: optie '1,3' {ignored}; schrijf hl_lines=\"1 3\"",
    ]


def test_when_check_is_green_the_strict_build_is_green(tmp_path, monkeypatch, caplog):
    hub = project(tmp_path, {"artikelen/goed.md": article("Goed", body=FIXED), **ASSETS})
    assert check(hub, monkeypatch) == (0, [])
    with caplog.at_level(logging.WARNING):
        site = hub.build(strict=True)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    html = site.article_html("artikelen/goed/")
    # The site-absolute link became relative, so it works when the site lives in a sub-folder.
    assert '<a href="./">Als adres</a>' in html and '<a href="../../bijlagen/tabel.xlsx">werkt</a>' in html
    assert 'href="../../bijlagen/plan%202024.pdf"' in html
    assert '<span class="filename">voorbeeld.py</span>' in html and "linenos" in html


def test_an_unknown_fence_option_keeps_the_code_block(tmp_path):
    body = '```python showLineNumbers\nprint("hallo")\n```\n\nDaarna.\n'
    site = project(tmp_path, {"artikelen/goed.md": article("Goed", body=body)}).build(strict=False)
    html = site.article_html("artikelen/goed/")
    assert "showLineNumbers" not in html and '<div class="highlight">' in html
    assert "<p>Daarna.</p>" in html


def test_a_warning_does_not_fail_the_strict_build_when_check_passes(tmp_path, monkeypatch):
    body = '```python showLineNumbers\nprint("hallo")\n```\n'
    hub = project(tmp_path, {"artikelen/goed.md": article("Goed", body=body)})
    monkeypatch.chdir(hub.root)
    assert CliRunner().invoke(main, ["check"]).exit_code == 0
    hub.build(strict=True)


def test_mkdocs_link_warnings_are_translated_to_the_place_of_the_link():
    source = "---\ntitel: x\n---\n\nTekst met [een link](../weg.pdf) erin.\n"

    def read(src):
        return source if src == "artikelen/x.md" else None

    assert translate("Doc file 'artikelen/x.md' contains a link '../weg.pdf', but the target 'weg.pdf' is not "
                     "found among documentation files. Did you mean 'wel.pdf'?", "docs/", read) == (
        "docs/artikelen/x.md:5:22: link: '../weg.pdf' verwijst naar een bestand dat niet op de site staat "
        "(gezocht: docs/weg.pdf); bedoelde je 'wel.pdf'?")
    assert translate("Doc file 'artikelen/x.md' contains a link '../weg.pdf#kop', but the doc 'weg.md' does not "
                     "contain an anchor '#kop'.", "docs/", read) == (
        "docs/artikelen/x.md:1:1: link: '../weg.pdf#kop': de pagina docs/weg.md heeft geen kop met het anker '#kop'")
    assert translate("Some other message", "docs/", read) is None


def test_every_generated_page_counts_as_present_for_links(tmp_path):
    # content.layout lists the generated pages for the link checks (the read phase cannot ask the later ones).
    from kennisbank import features
    from kennisbank.content.hub import load_hub
    from kennisbank.content.layout import is_generated
    from kennisbank.index.hub_index import index_hub
    from kennisbank.site.pages import generated_pages

    hub = project(tmp_path, starter=True)
    sources = [page.src for page in generated_pages(index_hub(load_hub(hub.docs, hub.root)), features.GENERATORS)]
    assert len(sources) > 20 and [src for src in sources if not is_generated(src)] == []


def test_a_link_the_build_cannot_resolve_is_reported_in_dutch_at_its_line(tmp_path, caplog):
    # 'check' reports this link too (a form problem); a default build still publishes the page, and the
    # build's own warning about the raw HTML link it could not resolve is Dutch and placed as well. (A raw
    # link to a missing item becomes text, as a Markdown one does: kennisbank.content.publish.unlink.)
    body = '# Start\n\nTekst.\n\n<p><a href="gids/weg.md">weg</a> <a href="artikelen/weg.md">item</a></p>\n'
    hub = project(tmp_path, {"index.md": body})
    site = hub.build(strict=False)
    logged = [r.getMessage() for r in caplog.records if "weg.md" in r.getMessage()]
    assert "docs/index.md:5:13: link: 'gids/weg.md' verwijst naar een bestand dat niet op de site staat " \
           "(gezocht: docs/gids/weg.md)" in logged
    assert "<a>item</a>" in site.article_html("")
