"""Phase one, read: every file in ``docs/`` read, validated and loaded into one :class:`~.hub.Hub`.

Frontmatter models (:mod:`.model`), taxonomy (:mod:`.taxonomy`), settings (:mod:`.settings`),
where files live and how they are named (:mod:`.layout`),
the checks on contributed Markdown (:mod:`.safety`, :mod:`.paths`, :mod:`.links`, against the
one HTML policy in :mod:`.html_policy`) and the Dutch positioned messages (:mod:`.problems`,
:mod:`.messages`). Imports nothing from the later phases.
"""
