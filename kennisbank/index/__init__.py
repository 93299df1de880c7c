"""Phase two, index: everything the pages share, derived once per build from the loaded hub.

:func:`.hub_index.index_hub` makes the :class:`~.hub_index.HubIndex` every later phase reads;
:mod:`.rules` holds the listing rules, each written once (a module's effective themes, networks
and date; module order; newest first; feed order); :mod:`.related` is the Hugo-style
related-content index and :mod:`.crosslinks` its lists; :mod:`.reading` serves a module's
'Verder lezen'.
"""
