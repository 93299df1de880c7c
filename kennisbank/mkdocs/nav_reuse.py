"""Material's navigation and tabs rendered once per distinct view, not once per page.

Material renders its sidebar navigation (``partials/nav.html``) and its tabs (``partials/tabs.html``) for
every page, although on a hub nearly every page shows one of a handful of versions: items and generated
pages are not in the nav (``mkdocs.yml`` lists a dozen overview pages), so what their nav shows depends
only on which entries are active (the section a page hangs under, :mod:`kennisbank.site.breadcrumbs`)
and on the nav's links written relative to the page. Material's ``navigation.prune`` shrinks the nav
instead, but changes what readers see; this keeps the output byte for byte.

In a build with Kennisbank's hooks, the names ``partials/nav.html`` and ``partials/tabs.html`` load a
one-line template that calls :class:`Reuse` with the theme's own partial, reached under the ``theme/``
prefix (the theme's loader: ``overrides/`` first, then Material, so nothing of Material is copied and a
maintainer's override still counts); a build without the hooks (``benchmarks/run.py``'s plain Material) is
untouched. The key is everything those partials read that differs between pages: whether the page is in
the nav itself (then its own table of contents is in the nav too, and the partial is rendered as usual),
the active flag of every entry, and the folder the page's links are written from (see
:meth:`_Nav.view_key`). The rest (configuration, language, features) is the same for a whole build, and
MkDocs makes a new environment, with a new :class:`Reuse`, for each build.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import jinja2
from markupsafe import Markup

PREFIX = "theme"
"""Templates under ``theme/…`` are the theme's own (overrides, then Material), also where this module
puts a wrapper under the same name."""
WRAPPED = ("partials/nav.html", "partials/tabs.html")


def install(env: jinja2.Environment) -> None:
    """Render the nav partials through ``kb_reuse``; once per new environment, before a template is loaded."""
    theme = env.loader
    if theme is None:
        return
    wrappers = {name: f'{{{{ kb_reuse("{PREFIX}/{name}") }}}}' for name in WRAPPED}
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(wrappers), jinja2.PrefixLoader({PREFIX: theme}), theme])
    env.globals["kb_reuse"] = Reuse()


class Reuse:
    """Rendered partials of one build by template and key."""

    def __init__(self) -> None:
        self.rendered: dict[tuple[str, object], Markup] = {}
        self.hits = 0
        self._nav: _Nav | None = None

    @jinja2.pass_context
    def __call__(self, context: jinja2.runtime.Context, name: str) -> Markup:
        page, nav = context.get("page"), context.get("nav")
        if nav is None:
            return _render(context, name)
        if self._nav is None or self._nav.nav is not nav:
            self._nav = _Nav(nav, context)
        key = self._nav.view_key(page)
        if key is None:
            return _render(context, name)
        found = self.rendered.get((name, key))
        if found is None:
            found = self.rendered[(name, key)] = _render(context, name)
        else:
            self.hits += 1
        return found


def _render(context: jinja2.runtime.Context, name: str) -> Markup:
    # As an {% include %} renders: the including template's variables, its locals among them.
    template = context.environment.get_template(name)
    return Markup("".join(template.root_render_func(template.new_context(context.get_all(), shared=True))))


class _Nav:
    """The build's navigation, read once: its entries, the pages in it and every link the partials print."""

    def __init__(self, nav: Any, context: jinja2.runtime.Context) -> None:
        self.nav = nav
        self.entries = list(_walk(nav.items))
        self.in_nav = {id(page) for page in nav.pages}
        config = context.get("config")
        targets = [getattr(entry, "url", None) for entry in self.entries]
        if nav.homepage is not None:
            targets.append(nav.homepage.url)
        if config is not None:
            targets += [config.theme.get("logo"), (config.extra or {}).get("homepage")]
        self.targets = [_folders(target) for target in targets if isinstance(target, str)]

    def view_key(self, page: Any) -> tuple[object, ...] | None:
        """What the nav partials show differently on ``page``; None where that is the page itself.

        A page in the nav shows its own table of contents in it. Otherwise the partials differ in the
        active entries and in their links, which MkDocs' ``url`` filter writes relative to the folder of
        the page (``get_relative_url``): ``artikelen/`` for ``artikelen/a.html`` (the offline copy), and
        ``artikelen/a/`` for ``artikelen/a/`` (directory URLs). In the second case a link outside that
        folder is the same from every folder with the same parent (``../x/`` from ``artikelen/a/`` and
        ``artikelen/b/``), so pages share a rendering unless a link points into the page's own folder.
        """
        if page is None or id(page) in self.in_nav:
            return None
        parts = [part for part in page.url.split("/") if part not in ("", ".")]
        if parts and "." in parts[-1]:
            return "folder", tuple(parts[:-1]), self._active()
        folder = tuple(parts)
        if not folder or any(target[: len(folder)] == folder for target in self.targets):
            return None
        return "parent", folder[:-1], self._active()

    def _active(self) -> tuple[bool, ...]:
        return tuple(bool(getattr(entry, "active", False)) for entry in self.entries)


def _folders(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part not in ("", "."))


def _walk(items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or ())
