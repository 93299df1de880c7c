"""Phase four, outputs besides the pages: search index (:mod:`.search`), feeds (:mod:`.feeds`),
PDFs (:mod:`.pdf`), the offline copy (:mod:`.offline`) and hosting headers (:mod:`.security`).
"""
