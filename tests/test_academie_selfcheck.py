"""Self-check blocks ("Toets jezelf"): syntax, Dutch messages with positions, HTML."""

import textwrap

import markdown
import pytest
from sitebuilder import frontmatter, project

from kennisbank.academie import selfcheck


def issues(text: str, first_line: int = 1) -> list[str]:
    text = textwrap.dedent(text).lstrip("\n")
    return [f"{i.line}:{i.column}: {i.message}" for _, found in selfcheck.find(text, first_line) for i in found]


def parsed(text: str) -> list[selfcheck.SelfCheck]:
    checks = [check for check, _ in selfcheck.find(textwrap.dedent(text).lstrip("\n"))]
    assert all(checks)
    return checks  # type: ignore[return-value]


def test_multiple_choice_open_question_and_checkboxes():
    first, second, third = parsed('''
        Tekst ervoor.

        !!! toets "Wat is *goed*?"
            - [ ] fout
            - [x] goed, en dit loopt
              door op de volgende regel
            - [ ] ook fout

            Toelichting: omdat het zo is.

            Nog een alinea.

        !!! toets "Open?"
            Modelantwoord: een goed antwoord.

        !!! toets "Welke twee?"
            - [X] een
            * [x] twee
            - [ ] drie
        ''')
    assert first.question == "Wat is *goed*?" and first.kind == "single" and first.line == 3
    assert [(o.text, o.correct) for o in first.options] == [
        ("fout", False), ("goed, en dit loopt door op de volgende regel", True), ("ook fout", False)]
    assert first.explanation == "omdat het zo is.\n\nNog een alinea."
    assert second.kind == "open" and second.model_answer == "een goed antwoord." and not second.options
    assert third.kind == "multiple" and [o.text for o in third.correct_options] == ["een", "twee"]


@pytest.mark.parametrize(("block", "expected"), [
    ('!!! toets\n    - [x] a\n    - [ ] b\n',
     '1:1: de vraag ontbreekt; schrijf de vraag tussen aanhalingstekens: !!! toets "Vraag?"'),
    ('!!! toets ""\n    - [x] a\n    - [ ] b\n',
     "1:10: de vraag is leeg; schrijf de vraag tussen de aanhalingstekens"),
    ("!!! toets Zonder aanhalingstekens?\n    - [x] a\n    - [ ] b\n",
     '1:10: zet de vraag tussen dubbele aanhalingstekens: !!! toets "Vraag?"'),
    ('!!! toets "Vraag?"\n    - [ ] a\n    - [ ] b\n',
     "2:5: geen goed antwoord; markeer minstens één keuze met '- [x]'"),
    ('!!! toets "Vraag?"\n    - [x] a\n',
     "2:5: een meerkeuzevraag heeft minstens twee keuzes"),
    ('!!! toets "Vraag?"\n    - [x] a\n    - [] b\n',
     "3:5: ongeldige keuze '- [] b'; begin elke keuze met '- [ ] ' (fout antwoord) of '- [x] ' (goed antwoord)"),
    ('!!! toets "Vraag?"\n    - [x] a\n    - b\n',
     "3:5: ongeldige keuze '- b'; begin elke keuze met '- [ ] ' (fout antwoord) of '- [x] ' (goed antwoord)"),
    ('!!! toets "Vraag?"\n    - [x] a\n    - [ ]\n    - [ ] c\n',
     "3:5: lege keuze; schrijf de tekst van de keuze na '- [ ]' of '- [x]'"),
    ('!!! toets "Vraag?"\n    Wat denk je?\n    - [x] a\n    - [ ] b\n',
     "2:5: onverwachte tekst 'Wat denk je?'; een toets bevat alleen keuzes ('- [ ] ' en '- [x] '), "
     "een 'Toelichting:' of een 'Modelantwoord:'"),
    ('!!! toets "Vraag?"\n\nNiet ingesprongen.\n',
     "1:1: deze toets heeft geen antwoorden; geef keuzes ('- [ ] ' en '- [x] ') of een 'Modelantwoord:', "
     "vier spaties ingesprongen onder de vraag"),
    ('!!! toets "Vraag?"\n    - [x] a\n    - [ ] b\n\n    Modelantwoord: a\n',
     "5:5: een toets heeft keuzes óf een modelantwoord, niet allebei"),
    ('!!! toets "Vraag?"\n    Toelichting: zo zit het.\n',
     "2:5: een 'Toelichting:' hoort bij keuzes; zet bij een open vraag alles in het 'Modelantwoord:'"),
    ('!!! toets "Vraag?"\n    Modelantwoord:\n',
     "2:5: het modelantwoord is leeg"),
    ('!!! toets "Vraag?"\n    - [x] a\n    - [ ] b\n\n    Toelichting:\n',
     "5:5: de toelichting is leeg"),
    ('!!! toets "Vraag?"\n    - [x] a\n    - [ ] b\n\n    Toelichting: een\n\n    Toelichting: twee\n',
     "7:5: 'Toelichting:' staat er twee keer; schrijf één toelichting"),
])
def test_every_mistake_has_a_dutch_message_with_its_position(block, expected):
    assert issues(block) == [expected]


def test_positions_count_from_the_file_line_of_the_body():
    assert issues('Tekst.\n\n!!! toets "V?"\n    - [ ] a\n    - [ ] b\n', first_line=12) == [
        "15:5: geen goed antwoord; markeer minstens één keuze met '- [x]'"]


def test_fenced_code_is_not_a_self_check():
    text = '```markdown\n!!! toets "Voorbeeld"\n    - [ ] fout\n```\n\n~~~\n!!! toets\n~~~\n'
    assert list(selfcheck.find(text)) == []


def render(text: str) -> str:
    md = markdown.Markdown(extensions=["admonition", "pymdownx.superfences", "kennisbank.academie.markdown_ext"])
    return md.convert(textwrap.dedent(text).lstrip("\n"))


def test_multiple_choice_renders_as_a_plain_document_that_works_without_javascript():
    html = render('''
        !!! toets "Wat klopt?"
            - [ ] fout
            - [x] **goed**

            Toelichting: daarom.
        ''')
    assert html == (
        '<div class="kb-toets kb-toets--single" id="toets-1">\n'
        '<p class="kb-toets__question"><span class="kb-toets__label">Toets jezelf</span><br />\n'
        '<span class="kb-toets__text">Wat klopt?</span></p>\n'
        '<ul class="kb-toets__options">\n'
        '<li class="kb-toets__option">fout</li>\n'
        '<li class="kb-toets__option kb-toets__option--goed"><strong>goed</strong></li>\n'
        '</ul>\n'
        '<details class="kb-toets__answer success">\n'
        '<summary>Bekijk het goede antwoord</summary>\n'
        '<ul class="kb-toets__correct">\n'
        '<li><strong>goed</strong></li>\n'
        '</ul>\n'
        '<p><strong>Toelichting:</strong> daarom.</p>\n'
        '</details>\n'
        '</div>')


def test_several_right_answers_and_numbering_per_page():
    md = markdown.Markdown(extensions=["kennisbank.academie.markdown_ext"])
    block = '!!! toets "Welke?"\n    - [x] a\n    - [x] b\n    - [ ] c\n'
    first = md.convert(block + "\n" + block)
    assert 'class="kb-toets kb-toets--multiple" id="toets-1"' in first
    assert 'id="toets-2"' in first and "<summary>Bekijk de goede antwoorden</summary>" in first
    md.reset()
    assert 'id="toets-1"' in md.convert(block)


def test_open_question_has_its_model_answer_behind_a_details_button():
    html = render('!!! toets "Waarom?"\n    Modelantwoord: omdat *het* kan.\n')
    assert '<div class="kb-toets kb-toets--open" id="toets-1">' in html
    assert "<summary>Bekijk het modelantwoord</summary>" in html
    assert "<p><strong>Modelantwoord:</strong> omdat <em>het</em> kan.</p>" in html


def test_questions_and_options_are_text_with_inline_markdown_but_no_html():
    html = render('!!! toets "<img src=x onerror=alert(1)> A & B `<code>`"\n'
                  '    - [x] <script>alert(1)</script> **vet**\n    - [ ] b\n')
    assert "<script>alert" not in html and "<img src=x" not in html
    assert '<span class="kb-toets__text">&lt;img src=x onerror=alert(1)&gt; A &amp; B <code>&lt;code&gt;</code></span>' \
        in html
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt; <strong>vet</strong></li>" in html


def test_fenced_example_stays_code_and_invalid_block_on_a_plain_page_says_why():
    html = render('```\n!!! toets "Voorbeeld"\n    - [x] a\n```\n\n!!! toets "Kapot"\n    - [ ] a\n    - [ ] b\n')
    assert "kb-toets" not in html.split("</pre>")[0]
    assert '<p class="admonition-title">Deze toets kan niet worden getoond</p>' in html
    assert "geen goed antwoord; markeer minstens één keuze met &#x27;- [x]&#x27;" in html or \
        "geen goed antwoord; markeer minstens één keuze met '- [x]'" in html


def test_check_reports_self_check_mistakes_with_file_lines(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kennisbank.cli.commands import main

    course = frontmatter(titel="C", samenvatting="S", type="cursus", themas=["leren-van-elkaar"], auteurs=["A"],
                         gepubliceerd="2024-01-01", doelgroep=["ambtenaren"], niveau="basis", duur_minuten=45,
                         leerdoelen=["Doel"])
    module = frontmatter(titel="M", samenvatting="S", type="module", volgorde=1, duur_minuten=45,
                         leerdoelen=["Doel"])
    hub = project(tmp_path, {
        "academie/c/index.md": course,
        "academie/c/01-m.md": module + '\nTekst.\n\n!!! toets "Vraag?"\n    - [ ] a\n    - [ ] b\n',
    })
    monkeypatch.chdir(hub.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "docs/academie/c/01-m.md:13:5: toets: geen goed antwoord; markeer minstens één keuze met '- [x]'"]


def test_every_starter_module_has_valid_self_checks():
    from pathlib import Path

    modules = sorted((Path(__file__).parents[1] / "docs" / "academie").glob("*/[0-9]*.md"))
    assert len(modules) >= 6
    for path in modules:
        found = list(selfcheck.find(path.read_text(encoding="utf-8")))
        assert found, f"{path.name} has no self-check"
        assert all(check is not None and not problems for check, problems in found), path.name
