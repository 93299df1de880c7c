"""Phase three, render: the Markdown of generated pages and item pages, and the HTML policy's enforcement.

Templates live in ``templates/`` (Jinja producing Markdown that the engine turns
into HTML); :mod:`.pages` and :mod:`.render` make pages, :mod:`.connections`,
:mod:`.crosslinks`, :mod:`.knowledge_map` and :mod:`.breadcrumbs` the parts that link
pages; :mod:`.emoji` and :mod:`.tasklist_labels` are Markdown extensions; :mod:`.sanitize`
cleans every built page; :mod:`.material` lists what the site assumes about Material's HTML; :mod:`.home` fills the home
page's sections and :mod:`.contribution` writes the data of the contribution form.
"""
