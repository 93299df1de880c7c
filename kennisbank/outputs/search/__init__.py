"""Search: the faceted search page with its prebuilt lunr index, and Material's quick search settings.

- :mod:`.dutch`: Dutch lunr pipeline functions, identical to ``lunr.nl`` in the browser;
- :mod:`.documents`: what is indexed and filtered per item;
- :mod:`.index`: the prebuilt index and the data script the page loads;
- :mod:`.page`: the generated page "Zoeken in de kennisbank" and its files.
"""
