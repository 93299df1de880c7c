"""PDF export: per item, theme, network and course (the course reader), and the whole hub.

``plan`` decides which PDFs exist and what they contain (from the hub),
``compose`` turns pages the site build rendered into one print document, and
``engine`` renders those with WeasyPrint in parallel. Nothing here knows MkDocs:
the adapter hands over where each page's HTML was written.
"""

from .compose import Page
from .engine import Outcome, build_pdfs
from .plan import WHOLE_HUB, PdfDocument, page_documents, pages_wanted, shard, whole_hub_document, with_download_link

__all__ = ["Outcome", "Page", "PdfDocument", "WHOLE_HUB", "build_pdfs", "page_documents", "pages_wanted",
           "shard", "whole_hub_document", "with_download_link"]
