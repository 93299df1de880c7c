/*
 * Kennisbank: the faceted search page "Zoeken in de kennisbank".
 *
 * The build writes it as zoeken/zoekpagina.js; only the search page loads it,
 * from its head and async (kennisbank/outputs/search/page.py SCRIPTS): it starts the query in the URL
 * at once, while Material's page, stylesheets and bundle still load, and
 * builds the form and the result list as soon as the parser has passed its
 * container #kb-search, before Material's bundle at the end of the body has
 * run. It asks the shared engine (zoekmachine.js, the same one the header
 * box's worker uses) for results, so the page and the box agree; the engine
 * loads only the parts of the sharded index a query needs. Here: the form,
 * the result list, the filters with their counts (from the facet values of
 * every item, one file loaded after the first results) and the URL state.
 *
 * Contributor text is only ever put into the page as text nodes (never as
 * HTML), so nothing in an item can run script here.
 */
(function () {
  "use strict";

  var CONTAINER = "kb-search";

  // Marks for benchmarks/search_bench.py (performance.mark is cheap; nothing reads them on the page).
  function timing(name) {
    if (window.performance && performance.mark) {
      performance.mark("kb-search:" + name);
    }
  }
  timing("start");

  var PAGE_SIZE = 20;
  // Results shown before the rest of the page of results: what a laptop or phone screen shows first. Each
  // result may sit in its own document chunk, and a browser asks for six files at a time on HTTP/1.1, so
  // the first screen waits for one round of requests instead of four.
  var FIRST_SCREEN = 5;
  var MAX_CHARS = 1000;
  var FACET_COLLAPSED = 8;
  // Parameters in the URL. Not "q": Material opens its own search dialog for ?q=.
  var QUERY_PARAM = "zoekterm";
  var SORT_PARAM = "sortering";
  // Phones show the filters folded under "Filters (n)", below the form and above the results.
  var WIDE = window.matchMedia("(min-width: 45em)");

  // This script lives at <site>/zoeken/zoekpagina.js: everything else is found from there,
  // which works for both URL styles and from file://.
  var SITE_ROOT = new URL("../", document.currentScript.src).href;
  // The engine with lunr and lunr.nl, one script; the page head preloads it (PRELOAD in
  // kennisbank/outputs/search/page.py; a test checks the files exist).
  var ENGINE = "zoeken/zoekmachine.js";

  // ---- loading -------------------------------------------------------------

  // Classic scripts, downloaded at the same time and run in order (async off); a promise. The engine
  // loads its data files with this too.
  function loadScripts(urls) {
    return Promise.all(urls.map(function (url) {
      return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.async = false;
        script.addEventListener("load", resolve);
        script.addEventListener("error", function () { reject(new Error("Niet geladen: " + url)); });
        document.head.appendChild(script);
      });
    }));
  }

  var engine = null;
  var engineReady = loadScripts([SITE_ROOT + ENGINE]).then(function () {
    engine = window.KennisbankZoekmachine.create({root: SITE_ROOT, load: loadScripts});
    return engine.ready();
  });

  // The query in the URL is searched, and the documents of its first screen of results asked for, as soon as
  // the engine is there, whether or not the page has been parsed yet: render() then finds the same files
  // already there or on their way (the engine loads each file once). Only when the URL filters or sorts by
  // date can the first screen differ from the best-ranked results, so then only the search is started early.
  function warmUp() {
    var params = new URLSearchParams(window.location.search);
    var query = (params.get(QUERY_PARAM) || "").slice(0, MAX_CHARS);
    if (!query.trim()) {
      return;
    }
    var plain = Array.from(params.keys()).every(function (key) { return key === QUERY_PARAM; });
    engineReady.then(function () {
      return engine.search(query, {typing: true});
    }).then(function (outcome) {
      if (plain) {
        return engine.documents(outcome.hits.slice(0, FIRST_SCREEN).map(function (hit) { return hit.ref; }));
      }
      return null;
    }).catch(function () {
      // render() asks again and says so if the files stay away.
    });
  }
  warmUp();

  // Resolves to the container once the parser has passed it. This script runs from the head, often before
  // the body is there, and must not wait for DOMContentLoaded: that comes only after Material's bundle at the
  // end of the body has been fetched and run. The container counts as passed once a node follows it; until
  // then the parser may still add children to it (which would land after the form built here).
  function parsedContainer() {
    function passed() {
      var found = document.getElementById(CONTAINER);
      return found && (found.nextSibling || document.readyState !== "loading") ? found : null;
    }
    return new Promise(function (resolve) {
      if (passed() || document.readyState !== "loading") {
        resolve(passed());  // null: the whole page is parsed and has no search
        return;
      }
      var observer = new MutationObserver(function () {
        if (passed()) {
          observer.disconnect();
          resolve(passed());
        }
      });
      observer.observe(document.documentElement, {childList: true, subtree: true});
      document.addEventListener("DOMContentLoaded", function () {
        observer.disconnect();
        resolve(passed());
      });
    });
  }

  // The form is built here because page HTML passes a content sanitizer that keeps no form controls.
  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  var container = null;
  var form = null;
  var input = null;
  var sortSelect = null;
  var filters = null;
  var filtersLabel = null;
  var facetsBox = null;
  var statusBox = null;
  var list = null;
  var moreButton = null;

  function build(found) {
    container = found;
    form = element("form", {"class": "kb-search__form", role: "search"});
    input = element("input", {"class": "kb-search__input", type: "search", id: "kb-search-q", name: QUERY_PARAM,
      maxlength: String(MAX_CHARS), autocomplete: "off", spellcheck: "false", "aria-describedby": "kb-search-help"});
    sortSelect = element("select", {"class": "kb-search__sort", id: "kb-search-sort", name: SORT_PARAM});
    sortSelect.append(element("option", {value: "relevantie"}, "Relevantie"),
      element("option", {value: "datum"}, "Datum, nieuwste eerst"));
    form.append(
      element("label", {"class": "kb-search__label", "for": "kb-search-q"}, "Zoekterm"), input,
      element("button", {"class": "md-button md-button--primary", type: "submit"}, "Zoeken"),
      element("label", {"class": "kb-search__label", "for": "kb-search-sort"}, "Sorteren op"), sortSelect,
      element("p", {"class": "kb-search__help", id: "kb-search-help"},
        "Alle woorden moeten voorkomen; andere vormen van een woord, samenstellingen (transitie in " +
        "warmtetransitie), synoniemen (armoede, schulden) en kleine typefouten worden ook gevonden."));
    filters = element("details", {"class": "kb-search__filters", id: "kb-search-filters"});
    filtersLabel = element("summary", {"class": "kb-search__filters-label"}, "Filters (0)");
    facetsBox = element("div", {"class": "kb-search__facets", id: "kb-search-facets", role: "group",
      "aria-label": "Filters"});
    filters.append(filtersLabel, facetsBox);
    statusBox = element("div", {"class": "kb-search__status", id: "kb-search-status", role: "status",
      "aria-live": "polite", "aria-atomic": "true"}, "De zoekfunctie wordt geladen …");
    list = element("ol", {"class": "kb-search__results", id: "kb-search-results"});
    moreButton = element("button", {"class": "md-button kb-search__more", id: "kb-search-more", type: "button"},
      "Meer resultaten");
    moreButton.hidden = true;
    var main = element("div", {"class": "kb-search__main"});
    main.append(statusBox, list, moreButton);
    var layout = element("div", {"class": "kb-search__layout"});
    layout.append(filters, main);
    container.textContent = "";
    container.append(form, layout);

    function fitFilters() {
      filters.open = WIDE.matches;
    }
    fitFilters();
    if (WIDE.addEventListener) {
      WIDE.addEventListener("change", fitFilters);
    }
    timing("built");
  }

  var data = null;        // facet values and date of every item (the engine's "facetten"), after the first results
  var loadingFacets = null;
  var facetInputs = [];   // per facet: array of {input, label, count, item}
  // filters: the URL's [name, value] pairs, checked against the facet values once they are there (selected).
  var state = {query: "", sort: "relevantie", filters: [], selected: []};
  var shown = PAGE_SIZE;
  var typingTimer = 0;
  var typingEntry = false;
  var generation = 0;     // the newest render; older ones that finish late are dropped

  // The facet values of every item, for the filters and their counts: asked for after the first results
  // (they are the largest file a search needs and would share the line with them), or at once when the URL
  // filters, since then the results depend on them.
  function loadFacets() {
    if (!loadingFacets) {
      loadingFacets = engine.facets().then(function (facets) {
        if (!data) {
          data = facets;
          buildFacets();
          applyFilters();
          timing("facets");
        }
        return data;
      }, function (error) {
        loadingFacets = null;
        throw error;
      });
    }
    return loadingFacets;
  }

  function start() {
    timing("scripts");
    readState();
    form.addEventListener("submit", onSubmit);
    input.addEventListener("input", onInput);
    sortSelect.addEventListener("change", function () {
      state.sort = sortSelect.value;
      commit(false);
    });
    moreButton.addEventListener("click", function () {
      var first = shown;
      shown += PAGE_SIZE;
      render().then(function () {
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) {
          link.focus();
        }
      });
    });
    window.addEventListener("popstate", function () {
      readState();
      render();
    });
    // The facet values come after the first results (render() asks for them first only when the URL filters).
    return render().then(function () {
      timing("results");
      return loadFacets();
    }).then(function () {
      updateFacets(lastHits);
      container.classList.add("kb-search--ready");
    });
  }

  // ---- facets ----------------------------------------------------------------

  function docValues(doc, facet) {
    return doc[1 + facet];
  }

  // Before the facet values are there nothing is filtered (render() waits for them when the URL filters).
  function passes(doc, except) {
    if (!data) {
      return true;
    }
    for (var f = 0; f < data.facets.length; f++) {
      var chosen = state.selected[f];
      if (f === except || !chosen.size) {
        continue;
      }
      if (!docValues(doc, f).some(function (value) { return chosen.has(value); })) {
        return false;
      }
    }
    return true;
  }

  function buildFacets() {
    data.facets.forEach(function (facet, f) {
      var fieldset = document.createElement("fieldset");
      fieldset.className = "kb-facet";
      var legend = document.createElement("legend");
      legend.textContent = facet.label;
      fieldset.appendChild(legend);
      var ul = document.createElement("ul");
      facetInputs[f] = facet.values.map(function (value, v) {
        var item = document.createElement("li");
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = facet.name;
        box.value = value;
        box.addEventListener("change", function () {
          if (box.checked) {
            state.selected[f].add(v);
          } else {
            state.selected[f].delete(v);
          }
          commit(false);
        });
        var name = document.createElement("span");
        name.textContent = value;
        var count = document.createElement("span");
        count.className = "kb-facet__count";
        label.append(box, " ", name, " ", count);
        item.appendChild(label);
        ul.appendChild(item);
        return {input: box, count: count, item: item};
      });
      fieldset.appendChild(ul);
      if (facet.values.length > FACET_COLLAPSED) {
        var toggle = document.createElement("button");
        toggle.type = "button";
        toggle.className = "kb-facet__toggle";
        toggle.setAttribute("aria-expanded", "false");
        toggle.addEventListener("click", function () {
          var open = toggle.getAttribute("aria-expanded") !== "true";
          toggle.setAttribute("aria-expanded", String(open));
          fieldset.classList.toggle("kb-facet--open", open);
          updateFacets(lastHits);
        });
        fieldset.appendChild(toggle);
      }
      facetsBox.appendChild(fieldset);
    });
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "md-button kb-search__clear";
    clear.id = "kb-search-clear";
    clear.textContent = "Alle filters wissen";
    clear.addEventListener("click", clearFilters);
    facetsBox.appendChild(clear);
  }

  function clearFilters() {
    state.selected.forEach(function (chosen) { chosen.clear(); });
    commit(false);
    input.focus();
  }

  var lastHits = [];

  // Counts per value follow the usual faceted-search rule: a facet's counts
  // apply all other facets' filters, so choosing a second value of the same
  // facet widens the result by exactly its count.
  function updateFacets(hits) {
    lastHits = hits;
    if (!data) {
      return;  // the filters are built, with these counts, when the facet values arrive
    }
    data.facets.forEach(function (facet, f) {
      var counts = new Array(facet.values.length).fill(0);
      hits.forEach(function (hit) {
        var doc = data.docs[hit.ref];
        if (passes(doc, f)) {
          docValues(doc, f).forEach(function (value) { counts[value] += 1; });
        }
      });
      var fieldset = facetsBox.children[f];
      var open = fieldset.classList.contains("kb-facet--open");
      var visible = 0;
      var available = 0;
      facetInputs[f].forEach(function (entry, v) {
        var checked = state.selected[f].has(v);
        entry.input.checked = checked;
        entry.count.textContent = "(" + counts[v] + ")";
        var useful = checked || counts[v] > 0;
        available += useful ? 1 : 0;
        var show = useful && (open || checked || visible < FACET_COLLAPSED);
        visible += show ? 1 : 0;
        entry.item.hidden = !show;
      });
      fieldset.hidden = available === 0;
      var toggle = fieldset.querySelector(".kb-facet__toggle");
      if (toggle) {
        toggle.hidden = available <= FACET_COLLAPSED;
        toggle.textContent = open ? "Toon minder" : "Toon alle " + available;
      }
    });
    var chosen = state.selected.reduce(function (sum, values) { return sum + values.size; }, 0);
    document.getElementById("kb-search-clear").hidden = !chosen;
    filtersLabel.textContent = "Filters (" + chosen + ")";
  }

  // ---- state in the URL --------------------------------------------------------

  function readState() {
    var params = new URLSearchParams(window.location.search);
    state.query = (params.get(QUERY_PARAM) || "").slice(0, MAX_CHARS);
    state.sort = params.get(SORT_PARAM) === "datum" ? "datum" : "relevantie";
    var names = engine.meta().facets || [];
    state.filters = [];
    params.forEach(function (value, name) {
      if (names.indexOf(name) >= 0) {
        state.filters.push([name, value]);
      }
    });
    if (data) {
      applyFilters();
    }
    input.value = state.query;
    sortSelect.value = state.sort;
    shown = PAGE_SIZE;
    typingEntry = false;
  }

  // The URL's filters as positions in the facet values (a value the hub does not have is dropped).
  function applyFilters() {
    state.selected = data.facets.map(function (facet) {
      var chosen = new Set();
      state.filters.forEach(function (pair) {
        var v = pair[0] === facet.name ? facet.values.indexOf(pair[1]) : -1;
        if (v >= 0) {
          chosen.add(v);
        }
      });
      return chosen;
    });
  }

  function stateUrl() {
    var params = new URLSearchParams();
    if (state.query) {
      params.set(QUERY_PARAM, state.query);
    }
    if (state.sort !== "relevantie") {
      params.set(SORT_PARAM, state.sort);
    }
    if (data) {
      data.facets.forEach(function (facet, f) {
        Array.from(state.selected[f]).sort(function (a, b) { return a - b; }).forEach(function (v) {
          params.append(facet.name, facet.values[v]);
        });
      });
    } else {
      state.filters.forEach(function (pair) { params.append(pair[0], pair[1]); });
    }
    var search = params.toString();
    return window.location.pathname + (search ? "?" + search : "");
  }

  // Typing replaces one history entry; a filter, sort or submit adds one, so
  // the back button steps through the user's choices, not keystrokes.
  function commit(typing) {
    var url = stateUrl();
    try {
      if (url !== window.location.pathname + window.location.search) {
        if (typing && typingEntry) {
          history.replaceState(null, "", url);
        } else {
          history.pushState(null, "", url);
        }
      }
    } catch (error) {
      // Some browsers refuse history changes for file:// pages; searching still works.
    }
    typingEntry = typing;
    shown = PAGE_SIZE;
    render();
  }

  function onInput() {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(function () {
      state.query = input.value.slice(0, MAX_CHARS);
      commit(true);
    }, 150);
  }

  function onSubmit(event) {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    state.query = input.value.slice(0, MAX_CHARS);
    typingEntry = false;
    commit(false);
  }

  // ---- results -------------------------------------------------------------------

  function everything() {
    var hits = [];
    for (var ref = 0; ref < engine.meta().docs; ref++) {
      hits.push({ref: ref, score: 0});
    }
    return {words: [], hits: hits, all: true, suggestion: null, themes: [], truncated: false};
  }

  function render() {
    var asked = ++generation;
    var query = state.query;
    var filtering = !data && state.filters.length ? loadFacets() : null;
    var searched = Promise.all([query.trim() ? engine.search(query, {typing: true}) : everything(), filtering]);
    return searched.then(function (both) {
      var outcome = both[0];
      if (asked !== generation) {
        return null;
      }
      if (!outcome.words.length) {
        outcome = query.trim() ? {words: [], hits: [], all: true, suggestion: null, themes: [], truncated: false} :
          everything();
      }
      var results = outcome.hits.filter(function (hit) { return passes(data && data.docs[hit.ref], -1); });
      if (state.sort === "datum" || !outcome.words.length) {
        // Items are numbered newest first (kennisbank/outputs/search/documents.py), so date order is number order.
        results = results.slice().sort(function (a, b) { return a.ref - b.ref; });
      }
      var refs = results.slice(0, shown).map(function (hit) { return hit.ref; });
      // A fresh list shows its first screen as soon as those documents are there, then the rest of the page.
      var first = shown === PAGE_SIZE ? FIRST_SCREEN : refs.length;
      return engine.documents(refs.slice(0, first)).then(function (docs) {
        if (asked !== generation) {
          return null;
        }
        updateFacets(outcome.hits);
        list.textContent = "";
        docs.forEach(function (doc) {
          list.appendChild(resultItem(doc, outcome.words));
        });
        moreButton.hidden = results.length <= shown;
        renderStatus(results.length, outcome, query);
        timing("first-screen");
        return engine.documents(refs.slice(first)).then(function (rest) {
          if (asked === generation) {
            rest.forEach(function (doc) {
              list.appendChild(resultItem(doc, outcome.words));
            });
          }
        });
      });
    }).catch(function () {
      // A file that did not load (network gone): say so; the next query tries again.
      if (asked === generation) {
        fail();
      }
    });
  }

  function formatDate(iso) {
    if (!iso) {
      return "";
    }
    var months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
      "september", "oktober", "november", "december"];
    var parts = iso.split("-");
    return Number(parts[2]) + " " + months[Number(parts[1]) - 1] + " " + parts[0];
  }

  function resultItem(doc, words) {
    var item = document.createElement("li");
    item.className = "kb-search__result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    var highlight = words.map(function (word) { return word.word; }).join(" ");
    link.href = SITE_ROOT + doc.url + (highlight ? "?h=" + encodeURIComponent(highlight) : "");
    link.textContent = doc.title;
    heading.appendChild(link);
    var meta = document.createElement("p");
    meta.className = "kb-search__meta";
    // Themes and development points come with the document (shards.py), not from the facet values, which load
    // after the first results. A collection's items name their collection and section, as every list of the
    // site does, so a bare title such as "Inleiding" says where it is from.
    meta.textContent = [doc.type, formatDate(doc.date)].concat(doc.line, [doc.place]).filter(Boolean).join(" · ");
    item.append(heading, meta, snippet(doc.summary, doc.excerpt, words));
    return item;
  }

  // The summary, or the start of the body when only that has the words, with
  // every word whose stem matches the query marked.
  function snippet(summary, excerpt, words) {
    var paragraph = document.createElement("p");
    paragraph.className = "kb-search__snippet";
    var pieces = [summary, excerpt].map(function (text) { return mark(text, words); });
    var chosen = pieces[0].marked || !pieces[1].marked ? pieces[0] : pieces[1];
    chosen.nodes.forEach(function (node) { paragraph.appendChild(node); });
    return paragraph;
  }

  function mark(text, words) {
    var nodes = [];
    var marked = 0;
    var last = 0;
    var pattern = /[^\s-]+/g;
    var match;
    while (words.length && (match = pattern.exec(text)) !== null) {
      var token = window.lunr.nl.trimmer(new window.lunr.Token(match[0].toLowerCase())).toString();
      if (!token) {
        continue;
      }
      var stem = window.lunr.nl.stemmer(new window.lunr.Token(token)).toString();
      var hit = words.some(function (word) {
        return stem === word.stem || (word.prefix && token.lastIndexOf(word.word, 0) === 0);
      });
      if (hit) {
        nodes.push(document.createTextNode(text.slice(last, match.index)));
        var highlighted = document.createElement("mark");
        highlighted.textContent = match[0];
        nodes.push(highlighted);
        last = match.index + match[0].length;
        marked += 1;
      }
    }
    nodes.push(document.createTextNode(text.slice(last)));
    return {nodes: nodes, marked: marked};
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function searchLink(text) {
    var link = document.createElement("a");
    link.href = window.location.pathname + "?" + QUERY_PARAM + "=" + encodeURIComponent(text);
    link.textContent = text;
    return link;
  }

  function renderStatus(count, outcome, query) {
    statusBox.textContent = "";
    var words = outcome.words;
    var shownQuery = words.map(function (word) { return word.word; }).join(" ");
    var filtered = state.selected.some(function (chosen) { return chosen.size > 0; });
    var sentence = document.createElement("p");
    sentence.className = "kb-search__count";
    if (count === 0) {
      sentence.textContent = "Geen resultaten" + (shownQuery ? " voor ‘" + shownQuery + "’" : "") +
        (filtered ? " met deze filters" : "") + ".";
    } else {
      var text = plural(count, "resultaat", "resultaten") + (shownQuery ? " voor ‘" + shownQuery + "’" : "");
      if (!outcome.all) {
        text += " (niet alle woorden gevonden; resultaten met één of meer van de woorden)";
      }
      if (outcome.truncated) {
        text += ". Alleen de eerste " + window.KennisbankZoekmachine.MAX_WORDS + " woorden zijn gebruikt";
      }
      sentence.textContent = text + ".";
    }
    statusBox.appendChild(sentence);
    if (outcome.suggestion) {
      var didYouMean = document.createElement("p");
      didYouMean.className = "kb-search__suggestion";
      didYouMean.append("Bedoelde u: ", searchLink(outcome.suggestion), "?");
      statusBox.appendChild(didYouMean);
    }
    if (count === 0) {
      statusBox.appendChild(suggestions(words, filtered, outcome.themes, query));
    }
  }

  function suggestions(words, filtered, themes, query) {
    var tips = document.createElement("ul");
    tips.className = "kb-search__tips";
    var items = [];
    if (!words.length && query.trim()) {
      items.push("Gebruik woorden met letters; leestekens en cijfers worden genegeerd.");
    }
    if (words.length > 1) {
      items.push("Gebruik minder woorden.");
    }
    if (words.length) {
      items.push("Controleer de spelling, of probeer een ander of algemener woord.");
    }
    items.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      tips.appendChild(li);
    });
    if (filtered) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kb-search__link-button";
      button.textContent = "Wis de filters";
      button.addEventListener("click", clearFilters);
      li.appendChild(button);
      tips.appendChild(li);
    }
    themes.forEach(function (theme) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = SITE_ROOT + theme.url;
      link.textContent = "Thema " + theme.name;
      li.appendChild(link);
      tips.appendChild(li);
    });
    var browse = document.createElement("li");
    var link = document.createElement("a");
    link.href = SITE_ROOT + engine.meta().browse;  // in this site's URL style (shards.py)
    link.textContent = "Bekijk de thema's";
    browse.appendChild(link);
    tips.appendChild(browse);
    return tips;
  }

  function fail() {
    statusBox.textContent = "De zoekfunctie kon niet worden geladen. Probeer de pagina opnieuw te laden.";
  }

  parsedContainer().then(function (found) {
    if (!found) {
      return null;
    }
    build(found);
    return engineReady.then(start).catch(function (error) {
      fail();
      throw error;
    });
  });
})();
