"""Phase two, index: data derived from the loaded hub, computed once per build.

:mod:`.related` is the Hugo-style related-content index.
"""
