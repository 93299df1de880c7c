/*
 * Kennisbank: the faceted search page "Zoeken in de kennisbank".
 *
 * Loaded on every page but does nothing unless the page has #kb-search; only
 * then are lunr.js, lunr.nl and the prebuilt index loaded. The index is built
 * at build time with lunr.py (kennisbank/outputs/search/index.py) and shipped as a
 * script that assigns a global, so the page also works from file://.
 *
 * Contributor text is only ever put into the page as text nodes (never as
 * HTML), so nothing in an item can run script here.
 */
(function () {
  "use strict";

  var container = document.getElementById("kb-search");
  if (!container) {
    return;
  }

  // Marks for benchmarks/search_bench.py (performance.mark is cheap; nothing reads them on the page).
  function timing(name) {
    if (window.performance && performance.mark) {
      performance.mark("kb-search:" + name);
    }
  }
  timing("start");

  var PAGE_SIZE = 20;
  var MAX_WORDS = 10;
  var MAX_CHARS = 1000;
  var FACET_COLLAPSED = 8;
  // Parameters in the URL. Not "q": Material opens its own search dialog for ?q=.
  var QUERY_PARAM = "zoekterm";
  var SORT_PARAM = "sortering";

  // This script lives at <site>/javascripts/zoeken.js: everything else is found from there,
  // which works for both URL styles and from file://.
  var SITE_ROOT = new URL("../", document.currentScript.src).href;
  // The page head preloads these (PRELOAD in kennisbank/outputs/search/page.py; a test checks the files exist).
  var SCRIPTS = ["zoeken/lunr.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    "assets/javascripts/lunr/min/lunr.nl.min.js", "zoeken/zoekindex.js"];
  // The bodies: most of the index, loaded once the first results are shown (kennisbank/outputs/search/index.py SHARDS).
  var TEXT_SCRIPT = "zoeken/zoekindex-tekst.js";

  // The form is built here because page HTML passes a content sanitizer that keeps no form controls.
  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  var form = element("form", {"class": "kb-search__form", role: "search"});
  var input = element("input", {"class": "kb-search__input", type: "search", id: "kb-search-q", name: QUERY_PARAM,
    maxlength: String(MAX_CHARS), autocomplete: "off", spellcheck: "false", "aria-describedby": "kb-search-help"});
  var sortSelect = element("select", {"class": "kb-search__sort", id: "kb-search-sort", name: SORT_PARAM});
  sortSelect.append(element("option", {value: "relevantie"}, "Relevantie"),
    element("option", {value: "datum"}, "Datum, nieuwste eerst"));
  form.append(
    element("label", {"class": "kb-search__label", "for": "kb-search-q"}, "Zoekterm"), input,
    element("button", {"class": "md-button md-button--primary", type: "submit"}, "Zoeken"),
    element("label", {"class": "kb-search__label", "for": "kb-search-sort"}, "Sorteren op"), sortSelect,
    element("p", {"class": "kb-search__help", id: "kb-search-help"},
      "Alle woorden moeten voorkomen; andere vormen van een woord worden ook gevonden (wijk, wijken)."));
  var facetsBox = element("div", {"class": "kb-search__facets", id: "kb-search-facets", role: "group",
    "aria-label": "Filters"});
  var statusBox = element("p", {"class": "kb-search__status", id: "kb-search-status", role: "status",
    "aria-live": "polite", "aria-atomic": "true"}, "De zoekfunctie wordt geladen …");
  var list = element("ol", {"class": "kb-search__results", id: "kb-search-results"});
  var moreButton = element("button", {"class": "md-button kb-search__more", id: "kb-search-more", type: "button"},
    "Meer resultaten");
  moreButton.hidden = true;
  var main = element("div", {"class": "kb-search__main"});
  main.append(statusBox, list, moreButton);
  var layout = element("div", {"class": "kb-search__layout"});
  layout.append(facetsBox, main);
  container.textContent = "";
  container.append(form, layout);

  var data = null;
  var index = null;
  var excerpts = null;    // the start of each body, for snippets: with the bodies
  var textState = "loading";  // the bodies' part of the index: "loading", "loaded" or "failed"
  var facetInputs = [];   // per facet: array of {input, label, count, item}
  var state = {query: "", sort: "relevantie", selected: []};
  var shown = PAGE_SIZE;
  var typingTimer = 0;
  var typingEntry = false;

  // ---- loading -------------------------------------------------------------

  function loadScripts(urls, done, failed) {
    var pending = urls.length;
    urls.forEach(function (url) {
      var script = document.createElement("script");
      script.src = url;
      script.async = false; // download in parallel, run in order
      script.addEventListener("load", function () {
        pending -= 1;
        if (pending === 0) {
          done();
        }
      });
      script.addEventListener("error", function () { failed(url); });
      document.head.appendChild(script);
    });
  }

  // Loads site files (paths from the site root), then runs `run`; `failed` when loading or `run` fails.
  function loadAndRun(paths, run, failed) {
    loadScripts(paths.map(function (path) { return SITE_ROOT + path; }), function () {
      try {
        run();
      } catch (error) {
        failed();
        throw error;
      }
    }, failed);
  }

  // The index is shipped in parts (the short fields first, the bodies
  // second), each as term frequencies and field lengths (see pack() in
  // kennisbank/outputs/search/index.py). This merges the parts, computes lunr's
  // weights with lunr's own BM25 formula, and hands lunr.Index.load a
  // serialised index in which nothing is expanded that a query may never look
  // at: field vectors are views into one typed array, and a term's documents
  // per field become lunr's {ref: {}} object only when a query first reads
  // them. Expanding all ~2.5 million postings of 10,000 items took seconds.
  function loadIndex(parts) {
    var fields = [];
    var lengths = [];
    var boosts = [];
    parts.forEach(function (part) {
      part.fields.forEach(function (name, f) {
        fields.push(name);
        lengths.push(part.lengths[f]);
        boosts.push(part.boosts[f]);
      });
    });
    var fieldCount = fields.length;
    var docCount = parts[0].docs;
    var merged = mergeTerms(parts.map(function (part) { return part.terms; }));
    var terms = merged.terms;
    var termCount = terms.length;

    // The documents and frequencies of term t in field f are
    // refs/tfs[slotStart[t * fieldCount + f] .. slotEnd[…]).
    var slotStart = new Int32Array(termCount * fieldCount);
    var slotEnd = new Int32Array(termCount * fieldCount);
    var total = parts.reduce(function (sum, part) { return sum + part.postings.length; }, 0);
    var refs = new Int32Array(total);
    var tfs = new Uint16Array(total);
    var n = 0;
    var fieldOffset = 0;
    parts.forEach(function (part, p) {
      var flat = part.postings;
      var positions = merged.positions[p];
      var k = 0;
      for (var t = 0; t < part.terms.length; t++) {
        for (var f = 0; f < part.fields.length; f++) {
          var slot = positions[t] * fieldCount + fieldOffset + f;
          slotStart[slot] = n;
          var size = flat[k++];
          var ref = 0;
          for (var i = 0; i < size; i++) {
            var value = flat[k++];
            var tf = 1;
            if (value < 0) {
              value = -value - 1;
              tf = flat[k++];
            }
            ref += value;
            refs[n] = ref;
            tfs[n] = tf;
            n++;
          }
          slotEnd[slot] = n;
        }
      }
      fieldOffset += part.fields.length;
    });

    // Field vectors, document-major: [termIndex, weight, …] per field and
    // document, in term order (lunr.Vector needs its elements sorted).
    var averages = lengths.map(function (values) {
      return values.reduce(function (sum, length) { return sum + length; }, 0) / docCount;
    });
    var vectorStart = new Int32Array(fieldCount * docCount + 1);
    for (var s = 0; s < termCount * fieldCount; s++) {
      for (var q = slotStart[s]; q < slotEnd[s]; q++) {
        vectorStart[(s % fieldCount) * docCount + refs[q] + 1] += 2;
      }
    }
    for (var v = 0; v < fieldCount * docCount; v++) {
      vectorStart[v + 1] += vectorStart[v];
    }
    var fill = vectorStart.slice(0, fieldCount * docCount);
    var elements = new Float64Array(2 * n);
    var k1 = parts[0].k1;
    var b = parts[0].b;
    for (var term = 0; term < termCount; term++) {
      // lunr.idf: the number of documents with the term counts each field separately.
      var withTerm = 0;
      for (var g = 0; g < fieldCount; g++) {
        withTerm += slotEnd[term * fieldCount + g] - slotStart[term * fieldCount + g];
      }
      var idf = Math.log(1 + Math.abs((docCount - withTerm + 0.5) / (withTerm + 0.5)));
      for (var field = 0; field < fieldCount; field++) {
        var fieldLengths = lengths[field];
        var boost = boosts[field];
        var slotIndex = term * fieldCount + field;
        for (var e = slotStart[slotIndex]; e < slotEnd[slotIndex]; e++) {
          var doc = refs[e];
          var norm = k1 * (1 - b + b * (fieldLengths[doc] / averages[field])) + tfs[e];
          var at = fill[field * docCount + doc];
          elements[at] = term;
          elements[at + 1] = Math.round(idf * ((k1 + 1) * tfs[e]) / norm * boost * 1000) / 1000;
          fill[field * docCount + doc] = at + 2;
        }
      }
    }
    var fieldVectors = [];
    for (var h = 0; h < fieldCount; h++) {
      for (var d = 0; d < docCount; d++) {
        var from = vectorStart[h * docCount + d];
        fieldVectors.push([fields[h] + "/" + d, elements.subarray(from, vectorStart[h * docCount + d + 1])]);
      }
    }

    // lunr reads posting._index and posting[field] (an object keyed by ref).
    var noMetadata = Object.freeze({});
    function Posting(index) {
      this._index = index;
    }
    fields.forEach(function (name, f) {
      Object.defineProperty(Posting.prototype, name, {get: function () {
        var byRef = {};
        var slot = this._index * fieldCount + f;
        for (var e = slotStart[slot]; e < slotEnd[slot]; e++) {
          byRef[refs[e]] = noMetadata;
        }
        Object.defineProperty(this, name, {value: byRef});
        return byRef;
      }});
    });
    var inverted = new Array(termCount);
    for (var i = 0; i < termCount; i++) {
      inverted[i] = [terms[i], new Posting(i)];
    }
    return window.lunr.Index.load({
      version: parts[0].version,
      fields: fields,
      fieldVectors: fieldVectors,
      invertedIndex: inverted,
      pipeline: parts[0].pipeline
    });
  }

  // The sorted union of sorted term lists, and per list the position of each of its terms in the union.
  function mergeTerms(lists) {
    if (lists.length === 1) {  // first results: nothing to merge
      var identity = new Int32Array(lists[0].length);
      for (var i = 0; i < identity.length; i++) {
        identity[i] = i;
      }
      return {terms: lists[0], positions: [identity]};
    }
    var terms = [];
    var positions = lists.map(function (list) { return new Int32Array(list.length); });
    var next = lists.map(function () { return 0; });
    for (;;) {
      var smallest = null;
      lists.forEach(function (list, l) {
        if (next[l] < list.length && (smallest === null || list[next[l]] < smallest)) {
          smallest = list[next[l]];
        }
      });
      if (smallest === null) {
        return {terms: terms, positions: positions};
      }
      lists.forEach(function (list, l) {
        if (next[l] < list.length && list[next[l]] === smallest) {
          positions[l][next[l]] = terms.length;
          next[l] += 1;
        }
      });
      terms.push(smallest);
    }
  }

  function start() {
    timing("scripts");
    data = window.kennisbankZoekindex;
    index = loadIndex([data.index]);
    timing("index");
    buildFacets();
    readState();
    render();
    timing("results");
    form.addEventListener("submit", onSubmit);
    input.addEventListener("input", onInput);
    sortSelect.addEventListener("change", function () {
      state.sort = sortSelect.value;
      commit(false);
    });
    moreButton.addEventListener("click", function () {
      var first = shown;
      shown += PAGE_SIZE;
      render();
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) {
        link.focus();
      }
    });
    window.addEventListener("popstate", function () {
      readState();
      render();
    });
    // Let the first results paint before the bodies are parsed and merged (most of the work).
    window.requestAnimationFrame(function () {
      window.setTimeout(function () {
        loadAndRun([TEXT_SCRIPT], completeIndex, textFailed);
      }, 0);
    });
  }

  function completeIndex() {
    var text = window.kennisbankZoekindexTekst;
    index = loadIndex([data.index, text.index]);
    excerpts = text.excerpts;
    textState = "loaded";
    // The results are rebuilt: keep a keyboard user's place if it is still there.
    var focused = list.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
    render();
    var again = focused && Array.prototype.find.call(list.querySelectorAll("a"), function (link) {
      return link.getAttribute("href") === focused;
    });
    if (again) {
      again.focus();
    }
    container.classList.add("kb-search--ready");
  }

  function textFailed() {
    textState = "failed";
    render();
  }

  // ---- query analysis --------------------------------------------------------

  // Words of the query, analysed like the index (lunr.nl's trimmer, stop
  // words, stemmer). lunr's query syntax is never parsed: each word becomes a
  // clause through the query API, so *, :, ~, ^, +, - and quotes are just text.
  function analyse(text) {
    var words = [];
    var seen = {};
    var parts = text.slice(0, MAX_CHARS).toLowerCase().split(/[\s\-]+/);
    var typing = !/[\s\-]$/.test(text);
    var truncated = false;
    parts.forEach(function (part, position) {
      var word = window.lunr.nl.trimmer(new window.lunr.Token(part)).toString().replace(/\*/g, "");
      if (!word || !window.lunr.nl.stopWordFilter(new window.lunr.Token(word))) {
        return;
      }
      var stem = window.lunr.nl.stemmer(new window.lunr.Token(word)).toString();
      if (seen[stem]) {
        return;
      }
      if (words.length === MAX_WORDS) {
        truncated = true;
        return;
      }
      seen[stem] = true;
      // While the last word is being typed it also matches as a prefix.
      words.push({word: word, stem: stem, prefix: typing && position === parts.length - 1 && word.length >= 2});
    });
    return {words: words, truncated: truncated};
  }

  function termMatches(term, word) {
    return term === word.stem || (word.prefix && term.lastIndexOf(word.word, 0) === 0);
  }

  // Returns {hits: [{ref, score}], all: bool}: all words must match; when no
  // item has them all, items with any of them are shown (all = false).
  function search(words) {
    if (!words.length) {
      return {hits: data.docs.map(function (doc, ref) { return {ref: ref, score: 0}; }), all: true};
    }
    var found = index.query(function (query) {
      words.forEach(function (word) {
        query.term(word.stem, {usePipeline: false, boost: 10});
        if (word.prefix) {
          query.term(word.word, {usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING});
        }
      });
    });
    var hits = found.map(function (result) {
      var terms = Object.keys(result.matchData.metadata);
      var matched = words.filter(function (word) {
        return terms.some(function (term) { return termMatches(term, word); });
      }).length;
      return {ref: Number(result.ref), score: result.score, matched: matched};
    });
    var complete = hits.filter(function (hit) { return hit.matched === words.length; });
    return complete.length || words.length === 1 ? {hits: complete, all: true} : {hits: hits, all: false};
  }

  // ---- facets ----------------------------------------------------------------

  function docValues(doc, facet) {
    return doc[4 + facet];
  }

  function passes(doc, except) {
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
      state.selected[f] = new Set();
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
    var any = state.selected.some(function (chosen) { return chosen.size > 0; });
    document.getElementById("kb-search-clear").hidden = !any;
  }

  // ---- state in the URL --------------------------------------------------------

  function readState() {
    var params = new URLSearchParams(window.location.search);
    state.query = (params.get(QUERY_PARAM) || "").slice(0, MAX_CHARS);
    state.sort = params.get(SORT_PARAM) === "datum" ? "datum" : "relevantie";
    data.facets.forEach(function (facet, f) {
      state.selected[f] = new Set();
      params.getAll(facet.name).forEach(function (value) {
        var v = facet.values.indexOf(value);
        if (v >= 0) {
          state.selected[f].add(v);
        }
      });
    });
    input.value = state.query;
    sortSelect.value = state.sort;
    shown = PAGE_SIZE;
    typingEntry = false;
  }

  function stateUrl() {
    var params = new URLSearchParams();
    if (state.query) {
      params.set(QUERY_PARAM, state.query);
    }
    if (state.sort !== "relevantie") {
      params.set(SORT_PARAM, state.sort);
    }
    data.facets.forEach(function (facet, f) {
      Array.from(state.selected[f]).sort(function (a, b) { return a - b; }).forEach(function (v) {
        params.append(facet.name, facet.values[v]);
      });
    });
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

  function render() {
    var analysed = analyse(state.query);
    var words = analysed.words;
    var outcome = search(words);
    lastHits = outcome.hits;
    var results = outcome.hits.filter(function (hit) { return passes(data.docs[hit.ref], -1); });
    var byDate = state.sort === "datum" || !words.length;
    results.sort(function (a, b) {
      var da = data.docs[a.ref][3];
      var db = data.docs[b.ref][3];
      if (byDate && da !== db) {
        return da < db ? 1 : -1;
      }
      return b.score - a.score || a.ref - b.ref;
    });
    updateFacets(outcome.hits);
    list.textContent = "";
    results.slice(0, shown).forEach(function (hit) {
      list.appendChild(resultItem(hit.ref, words));
    });
    moreButton.hidden = results.length <= shown;
    renderStatus(results.length, words, outcome.all, analysed.truncated);
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

  function resultItem(ref, words) {
    var doc = data.docs[ref];
    var item = document.createElement("li");
    item.className = "kb-search__result";
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    var highlight = words.map(function (word) { return word.word; }).join(" ");
    link.href = SITE_ROOT + doc[0] + (highlight ? "?h=" + encodeURIComponent(highlight) : "");
    link.textContent = doc[1];
    heading.appendChild(link);
    var meta = document.createElement("p");
    meta.className = "kb-search__meta";
    var facts = [data.facets[2].values[docValues(doc, 2)[0]], formatDate(doc[3])];
    [0, 1].forEach(function (f) {
      docValues(doc, f).forEach(function (v) { facts.push(data.facets[f].values[v]); });
    });
    meta.textContent = facts.filter(Boolean).join(" · ");
    item.append(heading, meta, snippet(doc[2], excerpts ? excerpts[ref] : "", words));
    return item;
  }

  // The summary, or the start of the body when only that has the words, with
  // every word whose stem matches the query marked.
  function snippet(summary, excerpt, words) {
    var paragraph = document.createElement("p");
    paragraph.className = "kb-search__snippet";
    var texts = [summary, excerpt];
    var pieces = texts.map(function (text) { return mark(text, words); });
    var chosen = pieces[0].marked || !pieces[1].marked ? pieces[0] : pieces[1];
    chosen.nodes.forEach(function (node) { paragraph.appendChild(node); });
    return paragraph;
  }

  function mark(text, words) {
    var nodes = [];
    var marked = 0;
    var last = 0;
    var pattern = /[^\s\-]+/g;
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

  function renderStatus(count, words, all, truncated) {
    statusBox.textContent = "";
    var query = words.map(function (word) { return word.word; }).join(" ");
    var filtered = state.selected.some(function (chosen) { return chosen.size > 0; });
    var sentence = document.createElement("span");
    if (count === 0) {
      sentence.textContent = "Geen resultaten" + (query ? " voor ‘" + query + "’" : "") +
        (filtered ? " met deze filters" : "") + "." + partialNote(words);
      statusBox.appendChild(sentence);
      statusBox.appendChild(suggestions(words, filtered));
      return;
    }
    var text = plural(count, "resultaat", "resultaten") + (query ? " voor ‘" + query + "’" : "");
    if (!all) {
      text += " (niet alle woorden gevonden; resultaten met één of meer van de woorden)";
    }
    if (truncated) {
      text += ". Alleen de eerste " + MAX_WORDS + " woorden zijn gebruikt";
    }
    sentence.textContent = text + "." + partialNote(words);
    statusBox.appendChild(sentence);
  }

  function partialNote(words) {
    if (!words.length || textState === "loaded") {
      return "";
    }
    return textState === "loading" ?
      " Nog alleen gezocht in titels, trefwoorden en samenvattingen; de volledige tekst wordt geladen …" :
      " Alleen gezocht in titels, trefwoorden en samenvattingen: de volledige tekst kon niet worden geladen.";
  }

  function suggestions(words, filtered) {
    var tips = document.createElement("ul");
    tips.className = "kb-search__tips";
    var items = [];
    if (!words.length && state.query.trim()) {
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
    // The link to the themes comes from the page, where MkDocs resolved it for this site's URL style.
    var themes = document.querySelector("#kb-search-browse a");
    if (themes) {
      var browse = document.createElement("li");
      var link = document.createElement("a");
      link.href = themes.href;
      link.textContent = "Bekijk de thema's";
      browse.appendChild(link);
      tips.appendChild(browse);
    }
    return tips;
  }

  function fail() {
    statusBox.textContent = "De zoekfunctie kon niet worden geladen. Probeer de pagina opnieuw te laden.";
  }

  loadAndRun(SCRIPTS, start, fail);
})();
