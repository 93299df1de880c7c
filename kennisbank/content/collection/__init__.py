"""Collections: an organisation's existing Markdown tree, published in its own structure.

A collection is a folder ``docs/collecties/<slug>/`` (any depth; it may be a
git submodule) described by ``docs/_data/collecties/<slug>.yml``
(:mod:`.spec`). Its pages become hub items (:mod:`.mapping`): the hub's own
fields are mapped from the source's frontmatter and validated strictly, the
source's other fields are kept as they are. Item pages of a collection show
its licence and a bounded section tree (:mod:`kennisbank.site.collection`).
"""

from .spec import Collection, load_collections

__all__ = ["Collection", "load_collections"]
