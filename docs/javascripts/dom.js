/*
 * Small DOM helpers shared by the site's scripts (academie.js, bijdragen.js). Loaded once, before them
 * (the order of extra_javascript in mkdocs.yml), as a classic script: the site has no bundler or modules.
 */
(function () {
  "use strict";

  var kennisbank = window.kennisbank = window.kennisbank || {};

  /* An element with attributes and text. Text is set as text, never parsed as HTML, so contributor and
     visitor input can be passed in safely. */
  kennisbank.make = function (tag, attributes, text) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  };

  /* Run ``init`` on every page: with Material's instant navigation on each page it swaps in (document$),
     otherwise once the page has been read. */
  kennisbank.onEveryPage = function (init) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  };
})();
