"""The PDF cache: a warm build publishes what a cold one does, re-renders only what changed, and a
deleted or damaged cache only costs time. Shards of ``kennisbank pdf --shard`` fill it together.

The hub is two articles in one theme and a good practice in another, with an image: three item PDFs
and one per theme and network (most of them short), small enough to render a few times.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pdfs import external_links, internal_links, outline, pdfs_on, text
from pypdf import PdfReader
from sitebuilder import Site, article, practice, project

from kennisbank.cli import main
from kennisbank.outputs.pdf.weasy import load

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0"
    "000003010100c9fe92ef0000000049454e44ae426082")
FILES = {
    "artikelen/een.md": article("Eerste artikel", "## Aanpak\n\nTekst van het eerste artikel.\n\n"
                                "![Schema van de aanpak](schema.png)\n"),
    "artikelen/schema.png": PNG,
    "artikelen/twee.md": article("Tweede artikel", "Zie [het eerste artikel](een.md).\n"),
    "praktijkvoorbeelden/zwolle.md": practice("Zwolle bespaart energie"),
}
ITEM_PDFS = ["artikelen/een.pdf", "artikelen/twee.pdf", "praktijkvoorbeelden/zwolle.pdf"]


def build(hub, caplog) -> tuple[dict[str, bytes], str]:
    """Build with PDFs; the site's PDFs by path, and the build's line about reused PDFs."""
    caplog.clear()
    with pdfs_on(), caplog.at_level(logging.INFO, logger="mkdocs.kennisbank"):
        site = hub.build()
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("PDF's:")]
    assert len(lines) == 1, lines
    made = {p.relative_to(site.root).as_posix(): p.read_bytes() for p in site.root.rglob("*.pdf")}
    return made, lines[0]


def seen(data: bytes, tmp_path: Path) -> tuple:
    """What a reader gets from a PDF: its text, bookmarks and links."""
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    reader = PdfReader(path)
    return text(reader), outline(reader), internal_links(reader), external_links(reader), len(reader.pages)


@pytest.fixture
def hub(tmp_path):
    return project(tmp_path, FILES)


def entries(hub) -> list[Path]:
    return sorted(p for p in (hub.root / ".cache/kennisbank/pdf").rglob("*") if p.is_file())


@pytest.mark.pdf
@pytest.mark.slow
def test_a_warm_build_reuses_every_pdf_and_publishes_the_same_files(hub, caplog, tmp_path):
    cold, line = build(hub, caplog)
    assert set(ITEM_PDFS) | {"themas/bestaanszekerheid.pdf", "themas/klimaat-energie.pdf"} <= set(cold)
    total = len(cold)
    assert line == f"PDF's: {total} opnieuw gemaakt, 0 hergebruikt"
    assert len(entries(hub)) == total

    loaded = load.cache_info()
    warm, line = build(hub, caplog)
    assert line == f"PDF's: 0 opnieuw gemaakt, {total} hergebruikt"
    assert warm == cold
    assert load.cache_info() == loaded  # nothing to render: WeasyPrint not even asked for

    shutil.rmtree(hub.root / ".cache")  # deleting the cache only costs time
    again, line = build(hub, caplog)
    assert line == f"PDF's: {total} opnieuw gemaakt, 0 hergebruikt"
    for name in cold:  # the same to a reader; not byte for byte, since WeasyPrint's output is not reproducible
        assert seen(again[name], tmp_path) == seen(cold[name], tmp_path), name


@pytest.mark.pdf
@pytest.mark.slow
def test_an_edit_re_renders_the_pdfs_that_hold_the_article_only(hub, caplog, tmp_path):
    cold, _ = build(hub, caplog)
    hub.write({"artikelen/een.md": FILES["artikelen/een.md"] + "\nEen nieuwe alinea over de wijk.\n"})
    warm, line = build(hub, caplog)
    # Only the article: its theme's dossier holds its summary, which the edit left alone.
    assert line == f"PDF's: 1 opnieuw gemaakt, {len(cold) - 1} hergebruikt"
    changed = sorted(name for name in cold if warm[name] != cold[name])
    assert changed == ["artikelen/een.pdf"]
    for name in changed:
        assert "Een nieuwe alinea over de wijk." in seen(warm[name], tmp_path)[0].replace("\n", " ")
    # A changed image changes the PDFs that show it, though no page's HTML changed.
    (hub.docs / "artikelen/schema.png").write_bytes(PNG.replace(b"\xc9\xfe\x92\xef", b"\xc9\xfe\x92\xee"))
    _, line = build(hub, caplog)
    assert line == f"PDF's: 1 opnieuw gemaakt, {len(cold) - 1} hergebruikt"


@pytest.mark.pdf
@pytest.mark.slow
def test_a_new_article_renders_its_own_pdf_and_its_theme_dossier_only(hub, caplog, tmp_path):
    cold, _ = build(hub, caplog)
    hub.write({"artikelen/drie.md": article("Derde artikel", "Tekst van het derde artikel.\n")})
    warm, line = build(hub, caplog)
    # The other articles of the theme now count one more publication and show the new one as related, on
    # screen only; what they print is unchanged, so their PDFs are reused.
    assert "3 publicaties" in Site(hub.root / "site").html("artikelen/een/")
    assert line == f"PDF's: 2 opnieuw gemaakt, {len(cold) - 1} hergebruikt"
    assert sorted(set(warm) - set(cold)) == ["artikelen/drie.pdf"]
    changed = sorted(name for name in cold if warm[name] != cold[name])
    assert changed == ["themas/bestaanszekerheid.pdf"]
    assert "Derde artikel" in seen(warm["themas/bestaanszekerheid.pdf"], tmp_path)[0]


@pytest.mark.pdf
@pytest.mark.slow
def test_a_damaged_entry_is_rebuilt_never_published(hub, caplog, tmp_path):
    cold, _ = build(hub, caplog)
    truncated, garbled = entries(hub)[:2]
    truncated.write_bytes(truncated.read_bytes()[:-100])
    data = bytearray(garbled.read_bytes())
    data[len(data) // 2] ^= 0xFF
    garbled.write_bytes(bytes(data))

    warm, line = build(hub, caplog)
    assert line == f"PDF's: 2 opnieuw gemaakt, {len(cold) - 2} hergebruikt"
    for name in cold:
        assert warm[name].rstrip().endswith(b"%%EOF"), name
        assert seen(warm[name], tmp_path) == seen(cold[name], tmp_path), name
    _, line = build(hub, caplog)  # filed again, whole
    assert line == f"PDF's: 0 opnieuw gemaakt, {len(cold)} hergebruikt"


@pytest.mark.pdf
@pytest.mark.slow
def test_shards_fill_the_cache_with_the_files_of_one_run(tmp_path, caplog):
    one = project(tmp_path / "one", FILES)
    single, _ = build(one, caplog)

    sharded = project(tmp_path / "sharded", FILES)
    cache = tmp_path / "gedeelde-cache"
    runner = CliRunner()
    with pdfs_on():
        for number in (1, 2):
            result = runner.invoke(main, ["pdf", "-f", str(sharded.root / "mkdocs.yml"), "--shard", f"{number}/2",
                                          "--cache-dir", str(cache)])
            assert result.exit_code == 0, result.output
            assert f"Deel {number}/2 van de PDF's staat in de cache" in result.output
    assert not (sharded.root / "site").exists()  # a shard only fills the cache
    assert len([p for p in cache.rglob("*") if p.is_file()]) == len(single)

    caplog.clear()
    with pdfs_on(), caplog.at_level(logging.INFO, logger="mkdocs.kennisbank"):
        result = runner.invoke(main, ["build", "-f", str(sharded.root / "mkdocs.yml"), "--cache-dir", str(cache)])
    assert result.exit_code == 0, result.output
    assert f"PDF's: 0 opnieuw gemaakt, {len(single)} hergebruikt" in [r.getMessage() for r in caplog.records]
    site = sharded.root / "site"
    for name in single:
        assert seen((site / name).read_bytes(), tmp_path) == seen(single[name], tmp_path), name


def test_a_shard_must_be_k_of_n():
    result = CliRunner().invoke(main, ["pdf", "--shard", "0/3"])
    assert result.exit_code == 2
    assert "'0/3' is geen deel K/N met 1 <= K <= N, bijvoorbeeld 2/4" in result.output


def test_a_cache_inside_the_docs_folder_is_refused(tmp_path, caplog):
    hub = project(tmp_path, {"artikelen/een.md": article("Een")})
    with open(hub.root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("\nextra:\n  kennisbank:\n    cache:\n      dir: docs/.cache\n")
    hub.build_fails()
    assert "De kennisbank bevat 1 fout:\n" + (
        "mkdocs.yml:1:1: extra.kennisbank.cache.dir: de cache 'docs/.cache' ligt in de inhoudsmap en zou mee "
        "gepubliceerd worden; kies een map buiten de inhoudsmap, bijvoorbeeld .cache/kennisbank") in caplog.text
