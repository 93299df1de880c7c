"""URLs read the way a browser reads them (the WHATWG URL standard), not the way Python's ``urlsplit`` does.

The two disagree exactly where it matters: for http(s) a browser treats ``\\`` as ``/``, drops tabs and
line breaks anywhere, strips leading control characters and spaces, and accepts ``https:host`` without
slashes. ``https://evil.example\\@allowed-host/`` is a URL of ``allowed-host`` to ``urlsplit`` and of
``evil.example`` to every browser. Decisions about where a URL leads (the embed allowlist, external images)
are therefore made here, and strictly: what this module cannot read as plainly harmless is refused.
"""

from __future__ import annotations

import re

_SPECIAL = frozenset({"http", "https", "ws", "wss", "ftp", "file"})
"""Schemes whose URLs have a host and for which a browser reads ``\\`` as ``/``."""
_EDGE = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_PLAIN_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


def browser_form(url: str) -> str:
    """``url`` after the browser's first steps: spaces and controls at the ends gone, tabs and newlines removed."""
    return _TAB_OR_NEWLINE.sub("", url.strip(_EDGE))


def scheme_of(url: str) -> str:
    """The lower-case scheme a browser finds, or ``""`` for a relative URL."""
    match = _SCHEME.match(browser_form(url))
    return match.group(1).lower() if match else ""


def browser_host(url: str) -> str | None:
    """The host a browser contacts for an absolute http(s) URL, or None when there is no plain host.

    A URL with user information (``user@host``), a port, percent escapes or anything but letters, digits,
    dots and hyphens in its host gives None: an allowlist must never have to guess.
    """
    url = browser_form(url)
    scheme = scheme_of(url)
    if scheme not in _SPECIAL:
        return None
    rest = url[len(scheme) + 1:].replace("\\", "/")
    authority = re.split(r"[/?#]", rest.lstrip("/"), maxsplit=1)[0]
    host = authority.lower().removesuffix(".")
    return host if _PLAIN_HOST.match(host) else None


def leaves_site(url: str) -> bool:
    """Whether a browser fetching ``url`` from one of our pages would contact another host (or scheme).

    Absolute URLs do; so do network-path references such as ``//host/x``, which a browser also finds in
    ``/\\host/x`` and ``\\\\host/x``. A relative or site-absolute path stays on the site.
    """
    url = browser_form(url)
    return bool(scheme_of(url)) or url.replace("\\", "/").startswith("//")
