/*
 * VNG Academie in the browser: self-checks, module progress and catalogue filters.
 *
 * The HTML from the build is a plain document that works without JavaScript:
 * questions with their answers in <details>, module lists, course cards. This
 * script adds the controls (radio buttons, "Controleer", "Markeer als afgerond",
 * filters), so no visitor ever sees a button that does nothing, and the page
 * HTML needs no form elements at all.
 *
 * Progress is kept only in this browser's localStorage, under one key, as
 * { "<module page path>": "<date done>" }; nothing is sent anywhere.
 * Works with Material's instant navigation (document$ emits on every page)
 * and without it.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "kennisbank.academie.voortgang";
  var FILTERS = [
    { facet: "doelgroep", label: "Doelgroep", all: "Alle doelgroepen" },
    { facet: "niveau", label: "Niveau", all: "Alle niveaus" },
    { facet: "thema", label: "Thema", all: "Alle thema's" },
    { facet: "duur", label: "Studieduur", all: "Elke studieduur" }
  ];
  var PRIVACY = "Alleen deze browser op dit apparaat onthoudt je voortgang. Er gaat niets naar een server " +
    "en niemand volgt wat je doet. In een andere browser of op een andere computer begin je opnieuw.";

  /* ---------- helpers ---------- */

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  var make = window.kennisbank.make; // docs/javascripts/dom.js

  function capitalise(text) {
    text = text.trim();
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  /* The site's root as an absolute URL ending in "/": the folder of the logo's link to the home page.
     Keys relative to it stay the same when the offline copy's folder is moved or renamed. The logo's
     href was resolved against the page that first loaded, so it stays right under instant navigation. */
  function siteRoot() {
    var logo = document.querySelector("a.md-logo");
    var home = new URL(logo ? logo.getAttribute("href") || "." : ".", logo ? logo.baseURI : window.location.href);
    return home.origin + home.pathname.replace(/[^/]*$/, "");
  }

  function normalisedKey(path) {
    path = path.replace(/index\.html$/, "").replace(/\.html$/, "").replace(/\/$/, "");
    try {
      return decodeURIComponent(path);
    } catch (error) {
      return path;
    }
  }

  /* The progress key of a page: its path below the site's root, without "index.html", ".html" or a
     final "/", so ".../", ".../index.html" (offline) and a moved folder all give the same key. */
  function pageKey(url) {
    var target = new URL(url, window.location.href);
    var address = target.origin + target.pathname;
    var root = siteRoot();
    return normalisedKey(address.indexOf(root) === 0 ? address.slice(root.length) : target.pathname);
  }

  /* Keys saved before keys were relative were absolute paths ("/academie/c/01-x/", or the whole file
     path offline): keep that progress by reading them from their course folder on. */
  function migratedKey(key) {
    if (key.charAt(0) !== "/") {
      return key;
    }
    var at = key.lastIndexOf("/academie/");
    return at < 0 ? key : normalisedKey(key.slice(at + 1));
  }

  /* ---------- storage ---------- */

  function storageAvailable() {
    try {
      window.localStorage.setItem(STORAGE_KEY + ".test", "1");
      window.localStorage.removeItem(STORAGE_KEY + ".test");
      return true;
    } catch (error) {
      return false; // storage switched off by the visitor: progress controls would remember nothing
    }
  }

  function loadDone() {
    try {
      var value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}");
      if (!value || typeof value !== "object" || Array.isArray(value)) {
        return {};
      }
      var done = {};
      Object.keys(value).forEach(function (key) { done[migratedKey(key)] = value[key]; });
      return done;
    } catch (error) {
      return {};
    }
  }

  function saveDone(done) {
    if (Object.keys(done).length) {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(done));
    } else {
      window.localStorage.removeItem(STORAGE_KEY);
    }
  }

  /* ---------- self-checks ---------- */

  function enhanceSelfCheck(box, number) {
    var kind = box.classList.contains("kb-toets--open") ? "open"
      : box.classList.contains("kb-toets--multiple") ? "multiple" : "single";
    var name = box.id || "toets-" + number;
    var question = box.querySelector(".kb-toets__question");
    var fieldset = make("fieldset");
    var legend = make("legend");
    while (question.firstChild) {
      legend.appendChild(question.firstChild);
    }
    fieldset.appendChild(legend);
    question.parentNode.replaceChild(fieldset, question);

    if (kind === "open") {
      var field = name + "-antwoord";
      fieldset.appendChild(make("label", { "for": field },
        "Jouw antwoord (alleen voor jezelf: het wordt niet opgeslagen of verstuurd)"));
      fieldset.appendChild(make("textarea", { id: field, rows: "4" }));
      return;
    }

    var list = box.querySelector(".kb-toets__options");
    fieldset.appendChild(make("p", { "class": "kb-toets__hint" },
      kind === "single" ? "Kies één antwoord." : "Kies alle goede antwoorden."));
    var inputs = all(list, ".kb-toets__option").map(function (option, index) {
      var input = make("input", { type: kind === "single" ? "radio" : "checkbox", name: name,
                                  value: String(index + 1) });
      var text = make("span");
      while (option.firstChild) {
        text.appendChild(option.firstChild);
      }
      var label = make("label");
      label.appendChild(input);
      label.appendChild(text);
      option.appendChild(label);
      input.kbCorrect = option.classList.contains("kb-toets__option--goed");
      return input;
    });
    fieldset.appendChild(list);
    var button = make("button", { type: "button", "class": "md-button kb-toets__check" }, "Controleer");
    var feedback = make("p", { "class": "kb-toets__feedback", role: "status", "aria-live": "polite" });
    fieldset.appendChild(button);
    fieldset.appendChild(feedback);

    function clear() {
      feedback.textContent = "";
      box.classList.remove("kb-toets--goed", "kb-toets--fout");
    }
    button.addEventListener("click", function () {
      clear();
      if (!inputs.some(function (input) { return input.checked; })) {
        feedback.textContent = "Kies eerst een antwoord.";
        return;
      }
      var right = inputs.every(function (input) { return input.checked === input.kbCorrect; });
      box.classList.add(right ? "kb-toets--goed" : "kb-toets--fout");
      if (right) {
        feedback.textContent = "Goed! Lees de toelichting hieronder.";
        box.querySelector(".kb-toets__answer").open = true;
      } else {
        feedback.textContent = kind === "multiple"
          ? "Nog niet goed. Let op: er zijn meerdere goede antwoorden. Probeer het nog eens."
          : "Helaas, dat is niet goed. Probeer het nog eens.";
      }
    });
    // A changed answer makes the old feedback misleading.
    inputs.forEach(function (input) { input.addEventListener("change", clear); });
  }

  /* ---------- progress ---------- */

  function moduleLinks(container) {
    return all(container, "li > a:first-child");
  }

  function setupDoneButton(box) {
    var key = pageKey(window.location.href);
    var button = make("button", { type: "button", "class": "md-button" });
    var status = make("span", { "class": "kb-module-done__status", role: "status", "aria-live": "polite" });
    function show(announce) {
      var isDone = Boolean(loadDone()[key]);
      button.textContent = isDone ? "Markering 'afgerond' weghalen" : "Markeer als afgerond";
      box.classList.toggle("kb-module-done--afgerond", isDone);
      status.textContent = isDone ? "Je hebt deze module afgerond." : (announce ? "Niet meer gemarkeerd als afgerond." : "");
    }
    button.addEventListener("click", function () {
      var done = loadDone();
      if (done[key]) {
        delete done[key];
      } else {
        done[key] = new Date().toISOString().slice(0, 10);
      }
      saveDone(done);
      show(true);
    });
    box.appendChild(button);
    box.appendChild(status);
    box.appendChild(make("p", { "class": "kb-meta" }, PRIVACY));
    show(false);
  }

  /* "Wis mijn voortgang": asks first, then offers to undo. keys: the modules of one course; null: all. */
  function resetControl(keys, after) {
    var box = make("div", { "class": "kb-reset" });
    var start = make("button", { type: "button", "class": "md-button" }, "Wis mijn voortgang");
    var confirm = make("div", { "class": "kb-reset__confirm" });
    var question = make("p", {}, keys ? "Je voortgang in deze cursus wissen?" : "Je voortgang in alle cursussen wissen?");
    var yes = make("button", { type: "button", "class": "md-button md-button--primary" }, "Ja, wis mijn voortgang");
    var no = make("button", { type: "button", "class": "md-button" }, "Nee, bewaren");
    var status = make("span", { "class": "kb-reset__status", role: "status", "aria-live": "polite" });
    var undo = make("button", { type: "button", "class": "md-button" }, "Ongedaan maken");
    var saved = null;
    confirm.appendChild(question);
    confirm.appendChild(yes);
    confirm.appendChild(no);
    confirm.hidden = true;
    undo.hidden = true;
    function asking(ask) {
      confirm.hidden = !ask;
      start.hidden = ask;
      (ask ? yes : start).focus();
    }
    start.addEventListener("click", function () {
      status.textContent = "";
      undo.hidden = true;
      asking(true);
    });
    no.addEventListener("click", function () { asking(false); });
    yes.addEventListener("click", function () {
      saved = loadDone();
      var done = loadDone();
      if (keys) {
        keys.forEach(function (key) { delete done[key]; });
      } else {
        done = {};
      }
      saveDone(done);
      confirm.hidden = true;
      start.hidden = false;
      status.textContent = keys ? "Je voortgang in deze cursus is gewist." : "Je voortgang is gewist.";
      undo.hidden = false;
      undo.focus();
      after();
    });
    undo.addEventListener("click", function () {
      saveDone(saved || {});
      saved = null;
      undo.hidden = true;
      status.textContent = "Je voortgang is teruggezet.";
      start.focus();
      after();
    });
    box.appendChild(start);
    box.appendChild(confirm);
    box.appendChild(status);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(undo);
    return box;
  }

  function setupCourseProgress(box, root) {
    var links = moduleLinks(root.querySelector(".kb-modules"));
    var keys = links.map(function (link) { return pageKey(link.href); });
    var bar = make("progress", { max: String(keys.length), value: "0", "aria-label": "Afgeronde modules" });
    var text = make("span", { "class": "kb-progress__text", role: "status", "aria-live": "polite" });
    box.appendChild(bar);
    box.appendChild(text);
    box.appendChild(resetControl(keys, function () { showProgress(root); }));
    box.appendChild(make("p", { "class": "kb-meta" }, PRIVACY));
  }

  function setupCatalogueReset(box, root) {
    box.appendChild(make("h2", { id: "voortgang" }, "Je voortgang"));
    box.appendChild(make("p", {}, PRIVACY));
    box.appendChild(resetControl(null, function () { showProgress(root); }));
  }

  /* Marks, counts and the "continue" link: redrawn whenever progress changes. */
  function showProgress(root) {
    var done = loadDone();
    all(root, ".kb-modules li, .kb-course__modules li").forEach(function (item) {
      var link = item.querySelector("a");
      var mark = item.querySelector(".kb-done-mark");
      if (mark) {
        mark.parentNode.removeChild(mark);
      }
      if (link && done[pageKey(link.href)]) {
        link.insertAdjacentElement("afterend", make("span", { "class": "kb-done-mark" }, "afgerond"));
      }
    });
    all(root, ".kb-progress").forEach(function (box) {
      var keys = moduleLinks(root.querySelector(".kb-modules")).map(function (link) { return pageKey(link.href); });
      var count = keys.filter(function (key) { return done[key]; }).length;
      box.querySelector("progress").value = count;
      box.querySelector(".kb-progress__text").textContent =
        count + " van " + plural(keys.length, "module", "modules") + " afgerond";
    });
    all(root, ".kb-continue").forEach(function (link) {
      if (!link.kbStart) {
        link.kbStart = { text: link.textContent, href: link.getAttribute("href") };
      }
      var links = moduleLinks(root.querySelector(".kb-modules"));
      var started = links.some(function (a) { return done[pageKey(a.href)]; });
      var next = links.filter(function (a) { return !done[pageKey(a.href)]; })[0];
      link.textContent = !started ? link.kbStart.text
        : next ? "Ga verder met: " + next.textContent : "Je hebt alle modules afgerond";
      link.setAttribute("href", started && next ? next.getAttribute("href") : link.kbStart.href);
    });
    all(root, ".kb-course").forEach(function (card) {
      var keys = all(card, ".kb-course__modules a").map(function (a) { return pageKey(a.href); });
      var count = keys.filter(function (key) { return done[key]; }).length;
      var line = card.querySelector(".kb-course__progress");
      if (!line) {
        line = make("p", { "class": "kb-course__progress" });
        card.insertBefore(line, card.querySelector(".kb-course__modules"));
      }
      line.textContent = count === keys.length ? "Je voortgang: alle modules afgerond"
        : "Je voortgang: " + count + " van " + plural(keys.length, "module", "modules") + " afgerond";
      line.hidden = count === 0;
    });
  }

  /* ---------- catalogue filters ---------- */

  function facetValue(element, prefix) {
    var found = Array.prototype.filter.call(element.classList, function (name) {
      return name.indexOf(prefix) === 0;
    })[0];
    return found ? found.slice(prefix.length) : null;
  }

  function setupFilters(box, root) {
    var courses = all(root, ".kb-course");
    var form = make("form", { "class": "kb-filters__form" });
    var fieldset = make("fieldset");
    fieldset.appendChild(make("legend", {}, "Zoek een cursus die bij je past"));
    var selects = [];
    FILTERS.forEach(function (filter) {
      var choices = {};
      all(root, ".kb-course .kb-facet--" + filter.facet).forEach(function (facet) {
        var value = facetValue(facet, "kb-facet-value--");
        choices[value] = { label: capitalise(facet.textContent),
                           order: Number(facetValue(facet, "kb-facet-order--")) };
      });
      var values = Object.keys(choices).sort(function (a, b) { return choices[a].order - choices[b].order; });
      if (values.length < 2) {
        return; // one choice filters nothing
      }
      var id = "kb-filter-" + filter.facet;
      var field = make("div", { "class": "kb-filters__field" });
      var select = make("select", { id: id });
      select.kbFacet = filter.facet;
      select.appendChild(make("option", { value: "" }, filter.all));
      values.forEach(function (value) { select.appendChild(make("option", { value: value }, choices[value].label)); });
      field.appendChild(make("label", { "for": id }, filter.label));
      field.appendChild(select);
      fieldset.appendChild(field);
      selects.push(select);
    });
    if (!selects.length) {
      return;
    }
    fieldset.appendChild(make("button", { type: "reset", "class": "md-button" }, "Wis filters"));
    form.appendChild(fieldset);
    var count = make("p", { "class": "kb-filters__count", role: "status", "aria-live": "polite" });
    var empty = make("p", { "class": "kb-filters__empty" }, "Geen cursus past bij deze keuzes. Kies minder filters of wis ze.");
    box.appendChild(form);
    box.appendChild(count);
    box.appendChild(empty);

    function apply() {
      var shown = 0;
      courses.forEach(function (course) {
        var match = selects.every(function (select) {
          return !select.value || course.querySelector(
            ".kb-facet--" + select.kbFacet + ".kb-facet-value--" + select.value) !== null;
        });
        course.hidden = !match;
        shown += match ? 1 : 0;
      });
      count.textContent = plural(shown, "cursus", "cursussen") +
        (shown === courses.length ? "" : " van de " + courses.length);
      empty.hidden = shown !== 0;
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // "reset" fires before the form restores its selects: clear them here, so the list updates at once.
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      selects.forEach(function (select) { select.value = ""; });
      apply();
    });
    apply();
  }

  /* ---------- wiring ---------- */

  function once(root, selector, setup) {
    all(root, selector).forEach(function (element, index) {
      if (!element.kbReady) {
        element.kbReady = true;
        setup(element, index);
      }
    });
  }

  function init() {
    var root = document;
    once(root, ".kb-toets", enhanceSelfCheck);
    once(root, ".kb-filters", function (box) { setupFilters(box, root); });
    if (!storageAvailable()) {
      return;
    }
    once(root, ".kb-module-done", setupDoneButton);
    once(root, ".kb-progress", function (box) { setupCourseProgress(box, root); });
    once(root, ".kb-progress-reset", function (box) { setupCatalogueReset(box, root); });
    showProgress(root);
  }

  // A printed module is a course reader: show every answer (a closed <details> prints closed).
  window.addEventListener("beforeprint", function () {
    all(document, ".kb-toets__answer").forEach(function (answer) { answer.open = true; });
  });

  window.kennisbank.onEveryPage(init);
})();
