/* Copied unchanged from Material for MkDocs' partials/javascripts/content.html (MIT licence), so that
   a Content-Security-Policy without 'unsafe-inline' allows it. tests/test_site_accessibility.py
   fails when Material's original changes. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
