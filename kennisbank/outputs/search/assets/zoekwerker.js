/*
 * Kennisbank: the search worker of Material's header search box.
 *
 * Material runs its search in a Web Worker and talks to it in four messages
 * (SETUP 0, READY 1, QUERY 2, RESULT 3); a site may give it another worker
 * that speaks the same protocol (Material's "custom search"). This one
 * answers from the same engine and sharded index as the search page
 * (zoekmachine.js), so the box keeps Material's look and keyboard behaviour
 * while nothing is downloaded until someone types, and the box and the page
 * agree. Material's own index is not used: the build replaces
 * search/search_index.json by a stub with no documents (kennisbank/outputs/search/stub.py).
 *
 * On file:// Material runs this script in an iframe (iframe-worker shim), where
 * importScripts loads scripts asynchronously and returns a promise; in a real
 * worker it is synchronous. Both are handled.
 *
 * Material puts titles and texts into the page as HTML, so every contributor
 * text is escaped here before <mark> is added around matched words.
 */
(function () {
  "use strict";

  var SHOWN = 8;  // results in the box; the last entry links to the search page with all of them
  var SETUP = 0;
  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;

  // The site root, from this script's own URL (zoeken/zoekwerker.js, written by the build).
  var own = self.document && self.document.currentScript ? self.document.currentScript.src : self.location.href;
  var SITE_ROOT = new URL("../", own).href;

  // The index's files, all at once. In a real worker: fetched in parallel and read as data. In Material's
  // iframe shim for file:// (where fetch is refused): script elements, which also load in parallel.
  function load(urls) {
    if (self.document) {
      return Promise.all(urls.map(function (url) {
        return new Promise(function (resolve, reject) {
          var script = self.document.createElement("script");
          script.src = url;
          script.onload = resolve;
          script.onerror = reject;
          self.document.body.appendChild(script);
        });
      }));
    }
    return Promise.all(urls.map(function (url) {
      return fetch(url).then(function (response) {
        if (!response.ok) {
          throw new Error(response.status + " " + url);
        }
        return response.text();
      }).then(self.KennisbankZoekmachine.readDataScript);
    }));
  }

  var engine = null;
  var latest = 0;

  // The engine and its libraries are one script (zoeken/zoekmachine.js); importScripts returns a promise in the shim.
  function start() {
    if (!engine) {
      engine = Promise.resolve(self.importScripts(SITE_ROOT + "zoeken/zoekmachine.js")).then(function () {
        return self.KennisbankZoekmachine.create({root: SITE_ROOT, load: load});
      });
    }
    return engine;
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[c];
    });
  }

  // Escaped text with the words whose stem (or start, while typing) matches marked.
  function highlight(text, words) {
    var lunr = self.lunr;
    return String(text).split(/([\s-]+)/).map(function (piece) {
      var token = lunr.nl.trimmer(new lunr.Token(piece.toLowerCase())).toString();
      var stem = token && lunr.nl.stemmer(new lunr.Token(token)).toString();
      var hit = token && words.some(function (word) {
        return word.stem === stem || (word.prefix && token.lastIndexOf(word.word, 0) === 0);
      });
      return hit ? "<mark>" + escape(piece) + "</mark>" : escape(piece);
    }).join("");
  }

  function searchPage(meta, text) {
    return meta.page + "?zoekterm=" + encodeURIComponent(text);
  }

  // Where a collection page sits ("Handboek › Sectie"), so three results called "Inleiding" differ.
  function place(doc) {
    return doc.place ? "<p><small>" + escape(doc.place) + "</small></p>" : "";
  }

  function link(location, title, text) {
    return [{location: location, title: escape(title), text: text ? "<p>" + escape(text) + "</p>" : "",
      score: 0, terms: {}}];
  }

  function items(machine, query, result) {
    var meta = machine.meta();
    var words = result.words;
    var terms = {};
    words.forEach(function (word) { terms[word.word] = true; });
    var top = result.hits.slice(0, SHOWN);
    return machine.documents(top.map(function (hit) { return hit.ref; })).then(function (docs) {
      var groups = docs.map(function (doc, i) {
        return [{location: doc.url, title: highlight(doc.title, words),
          text: "<p>" + highlight(doc.summary, words) + "</p>" + place(doc), score: top[i].score, terms: terms}];
      });
      var count = result.hits.length;
      // Material's result line names the number of entries: with results it says "Beste resultaten"
      // (the last entry links to all of them), without it "Geen resultaten; misschien helpt dit", so
      // everything that may help is sent as one entry with sections.
      var help = [];
      if (result.suggestion) {
        help.push(link(searchPage(meta, result.suggestion), "Bedoelde u: " + result.suggestion + "?",
          count ? "De resultaten hieronder zijn gevonden met woorden die erop lijken." : ""));
      }
      if (count) {
        groups = help.concat(groups);
        groups.push(link(searchPage(meta, query), (count === 1 ? "Het resultaat" : "Alle " + count + " resultaten") +
          " op de zoekpagina", "Verfijn op thema, soort, netwerk, gemeente en jaar."));
      } else if (words.length) {
        result.themes.forEach(function (theme) {
          help.push(link(theme.url, "Thema " + theme.name, "Alles over dit thema."));
        });
        help.push(link(meta.browse, "Bekijk alle thema's", "Blader door de kennisbank per thema."));
        groups.push(help.map(function (group) { return group[0]; }));
      }
      return {items: groups};
    });
  }

  function query(text) {
    var asked = ++latest;
    start().then(function (machine) {
      return machine.search(text, {typing: true}).then(function (result) {
        return items(machine, text, result);
      });
    }).then(function (data) {
      if (asked === latest) {  // an older query answering late must not replace a newer one
        self.postMessage({type: RESULT, data: data});
      }
    }, function () {
      if (asked === latest) {
        self.postMessage({type: RESULT, data: {items: []}});
      }
    });
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      // Material sends its own index here: ours is loaded on the first query instead.
      self.postMessage({type: READY});
    } else if (message.type === QUERY) {
      if (String(message.data).trim()) {
        query(message.data);
      } else {
        // Material also sends the empty box of every page view: nothing is loaded for that.
        latest++;
        self.postMessage({type: RESULT, data: {items: []}});
      }
    }
  });
})();
