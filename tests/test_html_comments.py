"""HTML comments are not live markup: what a contributor commented out is not checked, what follows is."""

import pytest

from kennisbank.content.markup import scan
from kennisbank.content.safety import check_body


def problems(body: str) -> list[str]:
    return [f"{p.line}:{p.column}: {p.field}: {p.message}" for p in check_body("x.md", body, 1, (), scan(body))]


@pytest.mark.parametrize("body", [
    "<!-- <script>alert(1)</script> -->\n",
    "Tekst <!-- <img src=x onerror=alert(1)> --> meer.\n",
    "<!--\nOude versie:\n<a href=\"javascript:alert(1)\">klik</a>\n-->\n\nTekst.\n",
    "- punt <!-- [link](javascript:alert(1)) -->\n",
])
def test_commented_out_markup_is_not_reported(body):
    assert problems(body) == []


@pytest.mark.parametrize("body, where", [
    # Browsers end a comment at '--!>' and treat '<!-->' as a whole comment: what follows is live.
    ("<!-- a --!> <img src=x onerror=alert(1)> -->\n", "1:13"),
    ("<!--> <img src=x onerror=alert(1)> -->\n", "1:7"),
    ("<!---> <img src=x onerror=alert(1)> -->\n", "1:8"),
    # An unclosed comment is scanned as usual.
    ("<!-- <img src=x onerror=alert(1)>\n", "1:6"),
    ("<!-- weg --> <img src=x onerror=alert(1)>\n", "1:14"),
])
def test_markup_outside_a_comment_is_still_reported(body, where):
    assert problems(body) == [f"{where}: html: het attribuut 'onerror' is niet toegestaan: het voert code uit "
                              "in de browser"]
