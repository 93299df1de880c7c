"""Two fixes to the cost of WeasyPrint's output, applied before rendering.

Neither library has a switch for these; each fix is small, idempotent and
keeps the output the same. Drop one once the library does it itself.
"""

from __future__ import annotations


def apply() -> None:
    """Apply every fix (idempotent)."""
    cache_page_references()
    refresh_target_counters_once()


def cache_page_references() -> None:
    """Make pydyf's ``PDF.page_references`` cost O(1) per read instead of O(pages).

    pydyf (0.13) builds the tuple of every page's reference anew on each read,
    and WeasyPrint's PDF/UA tagging reads it once per tagged element, so tagging
    a long document costs elements x pages: measured, it dominates the growth of
    the whole-hub PDF (benchmarks/RESULTS.md). Pages are only ever appended, so
    the tuple is kept until the number of pages changes.
    """
    import pydyf

    original = pydyf.PDF.page_references
    if getattr(original.fget, "cached", False):
        return

    def page_references(pdf):
        count = len(pdf.pages["Kids"])
        cached = pdf.__dict__.get("_kennisbank_page_references")
        if cached is None or cached[0] != count:
            cached = pdf.__dict__["_kennisbank_page_references"] = (count, original.fget(pdf))
        return cached[1]

    page_references.cached = True  # type: ignore[attr-defined]  # marks the patch as applied
    pydyf.PDF.page_references = property(page_references)


def refresh_target_counters_once() -> None:
    """Lay out a table of contents page twice, not three times (WeasyPrint 70).

    The TOC's ``target-counter(attr(href url), page)`` gets its numbers through
    two slips in WeasyPrint's ``compute_content_list`` that cancel out at a
    price. (1) The counters an ``attr()`` target needs are filed under the
    anchor name ``None``, so placing a heading never tells the TOC its page.
    (2) The list of the content's *own* missing counters is rebound to that
    target list, so the TOC entry seems to show its own page's ``page``
    counter, and is redone whenever its page's counters change: after the first
    pass (numbers still 0, targets unplaced), and again after the second,
    because the total ``pages`` changed in between. That third layout of every
    TOC page only repeats the second (measured ~17 ms of an item PDF's ~370 ms).
    Here both lists are rebuilt from the ``content`` value the way WeasyPrint
    means to: targets under their anchor's name, own counters only from
    ``counter()``/``counters()``. Then placing a heading redoes the TOC entry
    with its page (WeasyPrint's own path for this), and nothing else does.
    """
    import weasyprint
    from weasyprint.css.targets import TargetCollector

    if weasyprint.__version__.split(".")[0] != "70":
        return  # written against WeasyPrint 70's internals; elsewhere the TOC costs its third layout
    original = TargetCollector.collect_missing_counters
    if getattr(original, "fixed", False):
        return

    def collect_missing_counters(self, parent_box, css_token, parse_again_function, missing_counters,
                                 missing_target_counters):
        if css_token == "content" and missing_target_counters:
            content = parent_box.style["content"]
            known = parent_box.cached_counter_values or {}
            missing_counters = list(dict.fromkeys(
                value[0] for kind, value in content
                if kind in ("counter()", "counters()") and value[-1] != "none" and value[0] not in known))
            unnamed = missing_target_counters.get(None)
            missing_target_counters = {name: names for name, names in missing_target_counters.items() if name}
            for kind, value in content:
                if unnamed is not None and kind in ("target-counter()", "target-counters()"):
                    name = _anchor_name(value[0], parent_box)
                    if name:
                        missing_target_counters.setdefault(name, list(unnamed))
        original(self, parent_box, css_token, parse_again_function, missing_counters, missing_target_counters)

    collect_missing_counters.fixed = True  # type: ignore[attr-defined]  # marks the patch as applied
    TargetCollector.collect_missing_counters = collect_missing_counters


def _anchor_name(token, box) -> str | None:
    """The anchor a ``target-counter()`` points to, ``attr()`` resolved as WeasyPrint's lookup does."""
    from weasyprint.css.targets import anchor_name_from_token
    from weasyprint.urls import get_url_tuple

    if token[0] == "attr()":
        attr_name, kind, fallback = token[1]
        value = box.element.get(attr_name, fallback)
        if kind == "string":
            token = ("string", value)
        elif kind == "url":
            url = get_url_tuple(value, box.style.base_url)
            if url is None:
                return None
            token = ("url", url)
    return anchor_name_from_token(token)
