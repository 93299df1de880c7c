"""Each MkDocs and Material internal that kennisbank/mkdocs/ relies on, pinned: an upgrade that changes one fails here,
by name, before it breaks a build in a way that is hard to trace."""

from __future__ import annotations

import inspect
import logging
from pathlib import Path

import mkdocs.commands.build
import mkdocs.contrib.search
import pytest
from material.plugins.search.plugin import SearchPlugin
from mkdocs.config import load_config
from mkdocs.plugins import CombinedEvent
from mkdocs.structure.files import File
from sitebuilder import REPO, article, project

from kennisbank.mkdocs import events
from kennisbank.mkdocs.commands import build_site
from kennisbank.mkdocs.options import OFFLINE_PLUGIN, BuildOptions, enable_offline, options_of, set_options
from kennisbank.mkdocs.preview import quiet_dirty_warning

HOOKS = "hooks/kennisbank_hooks.py"
"""How mkdocs.yml names the hook module, and so how MkDocs keys it."""


def test_the_hook_module_is_loaded_once_per_process_so_options_must_not_live_in_it():
    first = load_config(str(REPO / "mkdocs.yml"))
    second = load_config(str(REPO / "mkdocs.yml"))
    assert first.hooks[HOOKS] is second.hooks[HOOKS]


def test_options_ride_on_the_loaded_configuration_and_are_gone_with_it():
    config = load_config(str(REPO / "mkdocs.yml"))
    assert options_of(config) == BuildOptions()
    set_options(config, BuildOptions(whole_pdf=True))
    assert options_of(config).whole_pdf
    assert options_of(load_config(str(REPO / "mkdocs.yml"))) == BuildOptions()


def test_material_offline_plugin_is_switched_on_through_its_config():
    config = load_config(str(REPO / "mkdocs.yml"))
    plugin = config.plugins[OFFLINE_PLUGIN]
    assert plugin.config.enabled is False  # mkdocs.yml lists it off; the online site is the default
    enable_offline(config)
    config.plugins.on_config(config)
    assert config.use_directory_urls is False  # what the plugin does when on: links work from file://
    assert any("iframe-worker" in url for url in config.extra["polyfills"])


def test_an_online_build_after_an_offline_one_in_the_same_process_is_online(tmp_path):
    hub = project(tmp_path, {"artikelen/a.md": article("Een")})
    build_site(hub.root / "mkdocs.yml", hub.root / "offline", offline=True)
    assert (hub.root / "offline" / "artikelen" / "a.html").is_file()
    build_site(hub.root / "mkdocs.yml", hub.root / "online")
    assert (hub.root / "online" / "artikelen" / "a" / "index.html").is_file()


def test_startup_decides_whether_rebuilds_are_incremental():
    build = events.Build()
    build.startup("serve", dirty=True)
    preview = build.preview
    assert preview is not None
    build.startup("serve", dirty=True)
    assert build.preview is preview  # MkDocs starts once per process; the preview lives as long
    build.startup("serve", dirty=False)
    assert build.preview is None  # a plain 'mkdocs serve' renders every page: no incremental state
    build.startup("build", dirty=False)
    assert build.preview is None and build.command == "build"


def test_dirty_builds_render_only_pages_whose_file_says_it_is_modified():
    # Preview.plan sets File.is_modified; MkDocs' dirty build asks it before rendering a page.
    source = inspect.getsource(mkdocs.commands.build)
    assert source.count("if dirty and not page.file.is_modified():") == 2


def test_the_dirty_build_warning_is_the_one_preview_quiets(caplog):
    quiet_dirty_warning()
    logger = logging.getLogger("mkdocs.commands.build")
    assert "A 'dirty' build is being performed" in inspect.getsource(mkdocs.commands.build)
    with caplog.at_level(logging.WARNING, logger="mkdocs.commands.build"):
        logger.warning("A 'dirty' build is being performed, this will likely lead to inaccurate navigation")
        logger.warning("something else")
    assert [r.getMessage() for r in caplog.records] == ["something else"]


def test_material_search_keeps_the_index_preview_completes():
    # Preview.finish adds the entries of pages not re-rendered to search_index.entries and clears
    # search_index_prev, which Material would otherwise merge as if one page had changed.
    source = inspect.getsource(SearchPlugin)
    assert "self.search_index_prev = None" in source
    assert "generate_search_index(self.search_index_prev)" in source
    config = load_config(str(REPO / "mkdocs.yml"))
    assert isinstance(config.plugins["material/search"], SearchPlugin)


def test_generated_files_take_content_or_a_source_path():
    parameters = inspect.signature(File.generated).parameters
    assert {"config", "src_uri", "content", "abs_src_path"} <= set(parameters)


def test_lunr_js_ships_with_mkdocs_where_the_search_page_takes_it():
    assert events.LUNR_JS == Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"
    assert events.LUNR_JS.read_text(encoding="utf-8").startswith("/**\n * lunr - http://lunrjs.com")
    assert "2.3.9" in events.LUNR_JS.read_text(encoding="utf-8")[:200]


@pytest.mark.parametrize("name", ["on_startup", "on_config", "on_pre_build", "on_files", "on_page_markdown",
                                  "on_nav", "on_page_content", "on_env", "on_post_build", "on_build_error"])
def test_every_event_the_hooks_use_exists_with_the_arguments_they_take(name):
    config = load_config(str(REPO / "mkdocs.yml"))
    hooks = config.hooks[HOOKS]
    handler = getattr(hooks, name)
    # A CombinedEvent (MkDocs' way to run several handlers of one event at their own priorities) is checked
    # handler by handler.
    handlers = handler.methods if isinstance(handler, CombinedEvent) else (handler,)
    theirs = set(inspect.signature(getattr(config.plugins, name)).parameters) - {"self"}
    for one in handlers:
        assert set(inspect.signature(one).parameters) <= theirs, name


# Every Markdown feature that keeps state while a page is converted, on two pages that would leak into each other:
# footnote numbers, an abbreviation defined on one page only, tab and self-check counters, heading ids that
# must start again on every page, task lists, a raw HTML anchor and a link to an anchor of the other page.
_STATEFUL_PAGES = {
    "artikelen/a.md": """# Een

De VNG[^1] schrijft.

*[VNG]: Vereniging van Nederlandse Gemeenten

[^1]: Een voetnoot.

## Kop

## Kop

=== "Eerste"

    Tekst.

=== "Tweede"

    Meer tekst.

- [x] Gedaan
- [ ] Open

<a id="plek"></a>

!!! toets "Klopt dit?"
    - [x] Ja.
    - [ ] Nee.

    Toelichting: omdat het zo is.

Zie [de andere](b.md#kop).
""",
    "artikelen/b.md": """# Twee

Weer de VNG[^1], zonder afkorting hier.

[^1]: Een andere voetnoot.

## Kop

=== "Eerste"

    Tekst.

!!! toets "Nog een vraag?"
    - [ ] Nee.
    - [x] Ja.

    Toelichting: daarom.
""",
}


def test_one_markdown_instance_for_the_build_renders_each_page_as_mkdocs_own_new_instance_does(tmp_path):
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    from kennisbank.mkdocs.markdown_reuse import SharedMarkdown

    hub = project(tmp_path, _STATEFUL_PAGES)
    config = load_config(str(hub.root / "mkdocs.yml"))
    files = get_files(config)
    shared = SharedMarkdown()

    def rendered(src: str, reuse: bool) -> tuple[object, ...]:
        page = Page(None, files.get_file_from_path(src), config)
        page.read_source(config)
        if reuse:
            shared.render(page, config, files)
        else:
            page.render(config, files)
        return (page.content, [(t.id, t.title, t.level) for t in page.toc], page._title_from_render,
                page.present_anchor_ids, page.links_to_anchors)

    order = ["artikelen/a.md", "artikelen/b.md", "artikelen/a.md", "artikelen/b.md"]
    own = [rendered(src, reuse=False) for src in order]
    assert [rendered(src, reuse=True) for src in order] == own
    content_b = str(own[1][0])
    assert "<abbr" not in content_b and "toets-1" in content_b and 'id="kop"' in content_b  # the test can fail
    assert shared.instance(config) is shared.instance(config)
