"""Dutch text analysis for lunr.py that matches lunr-languages' ``lunr.nl`` in the browser.

The search page's index is built here in Python and queried by lunr.js, so the
words must be cut, filtered and stemmed the same way on both sides, or a query
for "gemeenten" would miss documents indexed as "gemeent". lunr.py's own
``languages="nl"`` needs NLTK (it silently falls back to English without it and
downloads stop words with it), so the three pipeline functions are written here
and registered under the labels ``lunr.nl`` registers in JavaScript
(``trimmer-nl``, ``stopWordFilter-nl``, ``stemmer-nl``): a serialised index then
names functions that lunr.js knows.

Stemmer: ``lunr.nl`` is generated from the *original* (Porter-based) Dutch
Snowball algorithm. Snowball 3.0 replaced the algorithm called "dutch" by a new
one (Kraaij-Pohlmann based) and kept the old one as ``dutch_porter``; on the
3,070 distinct words of the starter hub ``dutch_porter`` gives exactly the
stems of the browser's ``lunr.nl`` while ``dutch`` differs on 1,311 of them.
``tests/test_browser_search.py`` keeps checking this in a real browser.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.token import Token

# lunr.nl.wordCharacters: letters of the Latin scripts; everything else is trimmed off a token.
WORD_CHARACTERS = (
    "A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c\u1d62-\u1d65"
    "\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a\u212b\u2132\u214e"
    "\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7\ua7f7-\ua7ff\uab30-\uab5a"
    "\uab5c-\uab64\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a"
)
_LEADING = re.compile(f"^[^{WORD_CHARACTERS}]+")
_TRAILING = re.compile(f"[^{WORD_CHARACTERS}]+$")

# The stop words of lunr.nl (lunr.nl.stopWordFilter), in its order.
STOP_WORDS = frozenset("""
aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge
geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar
me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch
toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo
zonder zou
""".split())

_STEMMER = snowballstemmer.stemmer("dutch_porter")


def trim(word: str) -> str:
    """Strip non-word characters from both ends, as ``lunr.nl.trimmer`` does."""
    return _TRAILING.sub("", _LEADING.sub("", word))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem ``lunr.nl.stemmer`` gives for a lower-case word."""
    return _STEMMER.stemWord(word)


def trimmer_nl(token: Token, i=None, tokens=None) -> Token:
    return token.update(lambda s, metadata=None: trim(s))


def stop_word_filter_nl(token: Token, i=None, tokens=None) -> Token | None:
    return None if str(token) in STOP_WORDS else token


def stemmer_nl(token: Token, i=None, tokens=None) -> Token:
    return token.update(lambda s, metadata=None: stem(s))


def _register() -> None:
    for fn, label in ((trimmer_nl, "trimmer-nl"), (stop_word_filter_nl, "stopWordFilter-nl"),
                      (stemmer_nl, "stemmer-nl")):
        if Pipeline.registered_functions.get(label) is not fn:
            Pipeline.register_function(fn, label)


_register()


def use_dutch(builder) -> None:
    """Give a lunr.py builder the pipelines ``builder.use(lunr.nl)`` gives in JavaScript."""
    builder.pipeline.reset()
    builder.pipeline.add(trimmer_nl, stop_word_filter_nl, stemmer_nl)
    builder.search_pipeline.reset()
    builder.search_pipeline.add(stemmer_nl)

