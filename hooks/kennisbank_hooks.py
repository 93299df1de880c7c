"""MkDocs hooks for Kennisbank: each event hands its work to the core in one call.

Named kennisbank_hooks.py, not kennisbank.py: MkDocs registers a hook module
under its file name, which would shadow the kennisbank package.
"""

from mkdocs.plugins import CombinedEvent, event_priority

from kennisbank.mkdocs.events import BUILD


def on_startup(command, dirty):
    BUILD.startup(command, dirty)


# After Material's offline plugin, which adds its iframe-worker shim in on_config.
@event_priority(-100)
def on_config(config):
    BUILD.config(config)


def on_pre_build(config):
    BUILD.pre_build(config)


def on_files(files, config):
    return BUILD.files(files, config)


# Before other plugins read the page's meta (title, tags), which the core sets.
@event_priority(50)
def on_page_markdown(markdown, page, config, files):
    return BUILD.page_markdown(markdown, page, config)


def on_nav(nav, config, files):
    BUILD.nav(files)


def on_page_content(html, page, config, files):
    return BUILD.page_content(html, page, files)


# Before any plugin renders with the theme's environment, which this makes autoescaping.
@event_priority(110)
def on_env(env, config, files):
    BUILD.env(env, config, files)


# Last, after every plugin that changes the page content.
@event_priority(-100)
def on_page_context(context, page, config, nav):
    BUILD.page_context(context, page)
    return context


# Before Material's search plugin writes its index.
@event_priority(10)
def _on_post_build_outputs(config):
    BUILD.post_build(config)


# After Material's search plugin and its offline plugin (-100) wrote Material's index.
@event_priority(-110)
def _on_post_build_search(config):
    BUILD.empty_material_search(config)


on_post_build = CombinedEvent(_on_post_build_outputs, _on_post_build_search)


def on_build_error(error):
    BUILD.build_error()
