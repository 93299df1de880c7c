"""HTTP security headers for hosting a built Kennisbank site.

One source for the policy: the build writes it as ``_headers`` (the format of
Netlify, Cloudflare Pages and similar hosts), ``deploy/`` holds the same headers
for nginx and Apache, and the browser tests serve the site with exactly these
headers and fail on any Content-Security-Policy violation.

Why a fixed policy without hashes for scripts: Material's few inline scripts are moved into
files by template overrides (``overrides/partials/javascripts/``), so
``script-src 'self'`` suffices. A hash-based policy would change with every
Material release and with the depth of a page (one inline script embeds the
relative base URL), so a web team could not paste it into a server
configuration once and keep it.
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    # Material's search runs in a Web Worker from the site itself.
    "worker-src 'self'",
    # 'unsafe-inline' for styles only, for Mermaid diagrams: Mermaid writes a <style> element and style
    # attributes (sizes, label positions) into every SVG it draws, with values that differ per diagram, so
    # no hash or (on a static site) nonce can name them. Contributed content cannot use it: the sanitizer
    # drops <style> elements and keeps of a style attribute only 'text-align' (content.html_policy).
    # Scripts stay 'self' only.
    "style-src 'self' 'unsafe-inline'",
    # Material draws icons in CSS as data: SVG images.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
"""Everything from the site itself; no inline script, no third party."""

HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # Visitors' paths are not passed on to the sites we link to.
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
"""Response headers for every file of the site."""


def netlify_headers() -> str:
    """The headers in the ``_headers`` file format (Netlify, Cloudflare Pages)."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in HEADERS.items()]
    return "\n".join(lines) + "\n"
