"""Frontmatter splitting and YAML parsing keep positions and refuse hostile YAML."""

from pathlib import Path

from kennisbank.content.frontmatter import MAX_BYTES, read_source, split_source


def messages(text: str) -> list[str]:
    source, problems = split_source(text, "docs/a.md")
    return [str(p) for p in problems]


def test_positions_of_keys_and_list_entries():
    source, problems = split_source("---\ntitel: A\nthemas:\n  - x\n  - y\n---\nTekst\n", "a.md")
    assert problems == []
    assert source.meta == {"titel": "A", "themas": ["x", "y"]}
    assert source.position(("themas", 1)) == (5, 5)
    assert source.position(("themas",)) == (3, 1)
    assert source.position(("onbekend",)) == (2, 1)
    assert source.body == "Tekst\n"
    assert source.body_line == 7


def test_dates_stay_text_for_the_model():
    source, _ = split_source("---\ngepubliceerd: 2024-13-45\n---\n", "a.md")
    assert source.meta["gepubliceerd"] == "2024-13-45"


def test_no_frontmatter_is_an_ordinary_page():
    source, problems = split_source("# Titel\n", "a.md")
    assert problems == [] and not source.has_frontmatter and source.body == "# Titel\n"


def test_unclosed_frontmatter():
    assert messages("---\ntitel: A\n") == [
        "docs/a.md:1:1: frontmatter: de frontmatter wordt niet afgesloten; "
        "zet een regel met alleen '---' onder de laatste eigenschap"]


def test_invalid_yaml_names_line_and_column():
    assert messages("---\ntitel: Een titel: met dubbele punt\n---\n") == [
        "docs/a.md:2:17: yaml: ongeldige YAML: een dubbele punt in een waarde; "
        "zet de waarde tussen aanhalingstekens"]


def test_tabs():
    assert messages("---\nthemas:\n\t- a\n---\n") == [
        "docs/a.md:3:1: yaml: tabs zijn in de frontmatter niet toegestaan; gebruik spaties om in te springen"]


def test_duplicate_key():
    assert messages("---\ntitel: A\ntitel: B\n---\n") == [
        "docs/a.md:3:1: titel: veld 'titel' staat twee keer in de frontmatter (eerder op regel 2); houd er één over"]


def test_alias_bomb_is_refused_before_expansion():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9)
    ) + "---\n"
    assert messages(bomb) == [
        "docs/a.md:3:8: yaml: YAML-verwijzingen ('*naam') zijn niet toegestaan; schrijf de waarde voluit"]


def test_frontmatter_must_be_a_mapping():
    assert messages("---\n- a\n- b\n---\n") == [
        "docs/a.md:2:1: frontmatter: de frontmatter moet uit regels 'veld: waarde' bestaan"]


def test_python_tags_are_not_constructed():
    assert messages("---\na: !!python/object/apply:os.system ['echo hi']\n---\n") == [
        "docs/a.md:2:4: yaml: deze waarde kan niet worden gelezen; gebruik gewone tekst, getallen, datums en lijsten"]


def test_bytes_level_problems(tmp_path: Path):
    def read(data: bytes) -> list[str]:
        path = tmp_path / "a.md"
        path.write_bytes(data)
        source, problems = read_source(path, "docs/a.md")
        return [str(p) for p in problems]

    assert read(b"\x00\x01binary") == [
        "docs/a.md:1:1: bestand: dit is geen tekstbestand (binaire inhoud); lever Markdown-tekst aan"]
    assert read("---\ntitel: Caf\xe9\n---\n".encode("cp1252")) == [
        "docs/a.md:2:11: bestand: bestand is niet in UTF-8 opgeslagen (waarschijnlijk Windows-1252, "
        "bijvoorbeeld geplakt uit Word); sla het op als UTF-8"]
    assert read("\ufeff---\ntitel: A\n---\n".encode()) == [
        "docs/a.md:1:1: bestand: bestand begint met een BOM-teken; dat is verwijderd, "
        "sla het bestand op als 'UTF-8 zonder BOM'"]
    assert read(b"---\r\ntitel: A\r\n---\r\nTekst\r\n") == []
    (tmp_path / "a.md").write_bytes(b"x" * (MAX_BYTES + 1))
    assert [str(p) for p in read_source(tmp_path / "a.md", "docs/a.md")[1]] == [
        "docs/a.md:1:1: bestand: bestand is te groot (2.0 MB; maximaal 2 MB); "
        "splits de tekst op of verwijder ingeplakte data"]
