/*
 * Keyboard access where Material for MkDocs has none (WCAG 2.1.1, 2.4.3).
 *
 * Material opens its navigation drawer and search with the "checkbox hack":
 * a <label for="__drawer"> that a mouse can click but a keyboard cannot reach
 * (squidfunk/mkdocs-material#4101). On narrow screens, and at 400 % zoom, the
 * whole navigation is then out of reach for keyboard users. Material also wraps
 * wide tables in a scrolling box that a keyboard cannot scroll. No plugin or
 * Material option fixes either, hence these few lines.
 */
(function () {
  "use strict";

  var BUTTONS = {
    __drawer: "Menu",
    __search: "Zoeken"
  };

  /* Header buttons that are labels: put a real <button> inside each, named
     and telling assistive technology whether its panel is open. A click on a
     button inside a label does not activate the label, so the button toggles
     the checkbox itself; the label keeps Material's responsive styling. */
  function enableHeaderButtons() {
    var labels = document.querySelectorAll(".md-header label.md-header__button[for]");
    labels.forEach(function (label) {
      var id = label.getAttribute("for");
      var toggle = document.getElementById(id);
      if (!(id in BUTTONS) || !toggle || label.querySelector(".kb-header-button")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kb-header-button";
      button.setAttribute("aria-label", BUTTONS[id]);
      button.setAttribute("aria-controls", id === "__drawer" ? "kb-drawer" : "kb-zoekvak");
      while (label.firstChild) button.appendChild(label.firstChild);
      label.appendChild(button);
      var sync = function () {
        button.setAttribute("aria-expanded", String(toggle.checked));
      };
      sync();
      button.addEventListener("click", function () {
        toggle.click();
      });
      toggle.addEventListener("change", function () {
        sync();
        if (id === "__drawer" && toggle.checked) focusDrawer();
      });
    });
    var drawer = document.querySelector(".md-sidebar--primary");
    if (drawer) drawer.id = "kb-drawer";
    var search = document.querySelector(".md-search");
    // Not "kb-search": that is the search page's container, and an id is one element's.
    if (search) search.id = "kb-zoekvak";
  }

  function focusDrawer() {
    var link = document.querySelector(".md-sidebar--primary .md-nav__list a[href]");
    if (link) link.focus();
  }

  /* Escape closes an open drawer and returns focus to its button. */
  function closeDrawerOnEscape(event) {
    var drawer = document.getElementById("__drawer");
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    drawer.checked = false;
    drawer.dispatchEvent(new Event("change"));
    var button = document.querySelector('.md-header label[for="__drawer"] .kb-header-button');
    if (button) button.focus();
  }

  /* A table wider than the screen scrolls inside Material's wrapper: make the
     wrapper focusable (so arrow keys scroll it) and name it for screen readers. */
  function enableScrollingTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap, index) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Tabel " + (index + 1) + ", horizontaal te scrollen");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  /* Material renders the tags of every search result as an unnamed <nav>: a
     list of results then holds many identical landmarks (axe: landmark-unique).
     They are a group of links, not a way to navigate the site. */
  function unmarkResultTags(root) {
    root.querySelectorAll(".md-search-result .md-tags").forEach(function (tags) {
      tags.setAttribute("role", "group");
      tags.setAttribute("aria-label", "Trefwoorden");
    });
  }

  function watchSearchResults() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || list.dataset.kbWatched) return;
    list.dataset.kbWatched = "true";
    new MutationObserver(function () {
      unmarkResultTags(list.parentNode);
    }).observe(list, { childList: true, subtree: true });
  }

  function onPage() {
    watchSearchResults();
    enableHeaderButtons();
    enableScrollingTables();
  }

  document.addEventListener("keydown", closeDrawerOnEscape);
  window.addEventListener("resize", enableScrollingTables);
  // Material publishes each (also instantly loaded) page on document$.
  if (typeof document$ !== "undefined") {
    document$.subscribe(onPage);
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();
