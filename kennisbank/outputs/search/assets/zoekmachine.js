/*
 * Kennisbank search engine: one engine for both doors, the header search box
 * (zoeken/zoekwerker.js, a Web Worker that speaks Material's worker
 * protocol) and the search page (zoeken/zoekpagina.js), so both give the same
 * results in the same order with the same counts.
 *
 * It answers from the sharded prebuilt index (kennisbank/outputs/search/shards.py):
 * nothing is loaded until the first query, then only the term shards of the
 * query's words, the document chunks of the results shown and, for a word the
 * hub does not contain, the vocabulary of its first and second letters. Every file is a
 * classic script adding its data to self.kbZoekdata, loaded by the `load`
 * function the door passes in (script elements in a page, fetches in a
 * worker), so it also works from file://, where fetch is refused.
 *
 * The build ships this file as zoeken/zoekmachine.js, after lunr.js and
 * lunr.nl (one request: kennisbank/outputs/search/page.py BUNDLE_SRC).
 *
 * lunr.Index is not used for querying: it needs the whole index in memory,
 * which is what this engine avoids loading. The shards carry lunr's own BM25
 * weights, computed at build time, and a document's score for one word is the
 * sum of its field weights: the order lunr gives for the same words. lunr.js
 * and lunr.nl are still loaded for the query's analysis (trimmer, stop words,
 * Dutch stemmer), which must equal the analysis at build time.
 */
(function (root) {
  "use strict";

  var DATA = "kbZoekdata";
  var SHARD_DIR = "zoeken/index/";
  var MAX_WORDS = 10;
  var MAX_CHARS = 1000;
  var FIELD_TITLE = 0;
  // A synonym or a corrected typo counts, but less than the word typed (and, found in an equally strong field,
  // ranks below it: see compare()).
  var SYNONYM_BOOST = 0.5;
  var FUZZY_BOOST = 0.3;
  // Each further word of one idea an item has (the word typed and its synonyms) adds this share of its weight.
  var FURTHER_VARIANT = 0.5;
  var MAX_CORRECTIONS = 3;   // vocabulary terms tried per misspelt word
  var MAX_PREFIX_TERMS = 40; // terms a word being typed may stand for
  var MAX_PREFIX_SHARDS = 3; // shards read for them

  function create(options) {
    var base = options.root;
    var loadScripts = options.load;
    var store = root[DATA] = root[DATA] || {};
    var pending = {};
    var decoded = {};
    var started = null;

    // Loads data files (keys such as "t3", "d0", "meta") once, all of them at the same time; resolves when
    // all are there. `load(urls)` is the door's: parallel script elements in a page, parallel fetches in a
    // worker (kennisbank/outputs/search/shards.py writes files both can read).
    function need(keys) {
      var missing = keys.filter(function (key) { return !(key in store) && !pending[key]; });
      if (missing.length) {
        var batch = loadScripts(missing.map(function (key) { return base + SHARD_DIR + key + ".js"; }));
        missing.forEach(function (key) {
          pending[key] = batch.then(function () {
            if (!(key in store)) {
              throw new Error("Zoekbestand niet geladen: " + key);
            }
          }, function (error) {
            delete pending[key];
            throw error;
          });
        });
      }
      return Promise.all(keys.map(function (key) { return key in store ? null : pending[key]; }));
    }

    // What every query needs: the index's table of contents (lunr and lunr.nl come with this script).
    function ready() {
      if (!started) {
        started = need(["meta"]).catch(function (error) {
          started = null;
          throw error;
        });
      }
      return started;
    }

    function meta() {
      return store.meta;
    }

    // ---- analysis ---------------------------------------------------------------

    // The query's words as lunr.nl analyses text at build time. lunr's query
    // syntax is never parsed, so *, :, ~, ^, +, - and quotes are just text.
    function analyse(text, typing) {
      var lunr = root.lunr;
      var parts = String(text).slice(0, MAX_CHARS).toLowerCase().split(/[\s-]+/);
      var open = typing && !/[\s-]$/.test(text);
      var words = [];
      var seen = {};
      var truncated = false;
      parts.forEach(function (part, position) {
        var word = lunr.nl.trimmer(new lunr.Token(part)).toString();
        if (!word || !lunr.nl.stopWordFilter(new lunr.Token(word))) {
          return;
        }
        var stem = lunr.nl.stemmer(new lunr.Token(word)).toString();
        if (seen[stem]) {
          return;
        }
        if (words.length === MAX_WORDS) {
          truncated = true;
          return;
        }
        seen[stem] = true;
        // While the last word is still being typed it also matches as a prefix.
        words.push({word: word, stem: stem, prefix: open && position === parts.length - 1 && word.length >= 2});
      });
      return {words: words, truncated: truncated};
    }

    // Words become concepts: a phrase with synonyms (Wmo, "maatschappelijke
    // ondersteuning") is one concept, every other word one of its own. A
    // concept's variants are lists of terms that must all be present.
    function concepts(words) {
      var table = meta().synonyms;
      var result = [];
      for (var i = 0; i < words.length;) {
        var taken = 1;
        var synonyms = [];
        for (var size = Math.min(4, words.length - i); size >= 1; size--) {
          var key = words.slice(i, i + size).map(function (w) { return w.stem; }).join(" ");
          if (table[key]) {
            taken = size;
            synonyms = table[key];
            break;
          }
        }
        var group = words.slice(i, i + taken);
        result.push({
          words: group,
          exact: group.map(function (w) { return w.stem; }),
          prefix: taken === 1 && group[0].prefix ? group[0].word : null,
          synonyms: synonyms,
          fuzzy: [],
          expanded: []
        });
        i += taken;
      }
      return result;
    }

    // ---- term shards --------------------------------------------------------------

    function shardOf(term) {
      var firsts = meta().shards;
      var low = 0;
      var high = firsts.length - 1;
      while (low < high) {
        var middle = (low + high + 1) >> 1;
        if (firsts[middle] <= term) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return "t" + low;
    }

    // A shard's terms -> per field {refs, weights}, decoded once.
    function shard(key) {
      if (!decoded[key]) {
        var data = store[key];
        var fields = meta().fields.length;
        var flat = data.postings;
        var byTerm = {};
        var k = 0;
        data.terms.forEach(function (term) {
          var perField = [];
          for (var f = 0; f < fields; f++) {
            var size = flat[k++];
            var refs = new Int32Array(size);
            var weights = new Float64Array(size);
            var ref = 0;
            for (var i = 0; i < size; i++) {
              ref += flat[k++];
              refs[i] = ref;
              weights[i] = flat[k++] / 1000;
            }
            perField.push({refs: refs, weights: weights});
          }
          byTerm[term] = perField;
        });
        decoded[key] = {terms: data.terms, byTerm: byTerm};
      }
      return decoded[key];
    }

    function postings(term) {
      var key = shardOf(term);
      return key in store ? shard(key).byTerm[term] || null : null;
    }

    // Shards that may hold terms starting with `prefix` (a few at most: a two-letter prefix matches thousands).
    function prefixShards(prefix) {
      var first = shardOf(prefix);
      var firsts = meta().shards;
      var keys = [first];
      for (var n = Number(first.slice(1)) + 1; n < firsts.length && keys.length < MAX_PREFIX_SHARDS; n++) {
        if (firsts[n].lastIndexOf(prefix, 0) !== 0) {
          break;
        }
        keys.push("t" + n);
      }
      return keys;
    }

    function prefixTerms(prefix) {
      var found = [];
      prefixShards(prefix).forEach(function (key) {
        if (!(key in store)) {
          return;
        }
        shard(key).terms.forEach(function (term) {
          if (term.lastIndexOf(prefix, 0) === 0) {
            found.push(term);
          }
        });
      });
      // The commonest completions: a word being typed stands for what the hub mostly says.
      found.sort(function (a, b) { return documentCount(b) - documentCount(a) || (a < b ? -1 : 1); });
      return found.slice(0, MAX_PREFIX_TERMS);
    }

    function documentCount(term) {
      var perField = postings(term);
      if (!perField) {
        return 0;
      }
      var seen = {};
      var count = 0;
      perField.forEach(function (entry) {
        for (var i = 0; i < entry.refs.length; i++) {
          if (!seen[entry.refs[i]]) {
            seen[entry.refs[i]] = true;
            count++;
          }
        }
      });
      return count;
    }

    // ---- typo tolerance ----------------------------------------------------------------

    // Damerau-Levenshtein distance (transpositions count one), stopping above `limit`.
    function distance(a, b, limit) {
      if (Math.abs(a.length - b.length) > limit) {
        return limit + 1;
      }
      var previous2 = null;
      var previous = [];
      for (var j = 0; j <= b.length; j++) {
        previous.push(j);
      }
      for (var i = 1; i <= a.length; i++) {
        var row = [i];
        var best = i;
        for (var k = 1; k <= b.length; k++) {
          var cost = a[i - 1] === b[k - 1] ? 0 : 1;
          var value = Math.min(previous[k] + 1, row[k - 1] + 1, previous[k - 1] + cost);
          if (previous2 && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) {
            value = Math.min(value, previous2[k - 2] + 1);
          }
          row.push(value);
          best = Math.min(best, value);
        }
        if (best > limit) {
          return limit + 1;
        }
        previous2 = previous;
        previous = row;
      }
      return previous[b.length];
    }

    // lunr's ~1 for words of 5 to 7 letters, ~2 from 8 letters.
    function allowedEdits(word) {
      return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
    }

    function letterOf(character) {
      return character >= "a" && character <= "z" ? character : "_";
    }

    // The vocabulary files that hold every term one edit away at the start of `term` as well: terms that
    // start with its first or second letter (v-), and terms whose second letter is its first or second (w-).
    // A changed, missing, extra or swapped first letter still finds "energie". Only files that exist.
    function vocabularyKeys(term) {
      var keys = [];
      function add(prefix, character, present) {
        var key = prefix + letterOf(character);
        if (character && present.indexOf(letterOf(character)) >= 0 && keys.indexOf(key) < 0) {
          keys.push(key);
        }
      }
      add("v-", term.charAt(0), meta().letters);
      add("v-", term.charAt(1), meta().letters);
      add("w-", term.charAt(0), meta().seconds || []);
      add("w-", term.charAt(1), meta().seconds || []);
      return keys;
    }

    // Vocabulary terms within the allowed edits of a word: the closest, then those with the same first
    // letter (where typos are rarest), then the commonest.
    function corrections(word) {
      var limit = allowedEdits(word.word);
      if (!limit) {
        return [];
      }
      var found = [];
      var seen = {};
      vocabularyKeys(word.stem).forEach(function (key) {
        (store[key] || []).forEach(function (entry) {
          if (seen[entry[0]]) {
            return;
          }
          seen[entry[0]] = true;
          // The stem against stems, and the word as typed against the word the hub mostly writes
          // ("schuldenn" is one letter from "schulden", three from the stem "schuld").
          var d = Math.min(distance(word.stem, entry[0], limit),
            entry[2] ? distance(word.word, entry[2], limit) : limit + 1);
          if (d <= limit) {
            found.push({term: entry[0], word: entry[2] || entry[0], documents: entry[1], distance: d,
              same: entry[0].charAt(0) === word.stem.charAt(0) ? 1 : 0});
          }
        });
      });
      found.sort(function (a, b) {
        return a.distance - b.distance || b.same - a.same || b.documents - a.documents || (a.term < b.term ? -1 : 1);
      });
      // Only the nearest: "participatiewt" is participatiewet (1 edit), not also participatie (2).
      return found.filter(function (c) { return c.distance === found[0].distance; }).slice(0, MAX_CORRECTIONS);
    }

    // ---- scoring -------------------------------------------------------------------------

    // ref -> {score: summed field weights of `terms`, fields: bit mask of the fields that hold all of them}, for
    // the documents that have all of `terms`.
    function variantScores(terms) {
      var total = null;
      for (var t = 0; t < terms.length; t++) {
        var perField = postings(terms[t]);
        if (!perField) {
          return {};
        }
        var found = {};
        perField.forEach(function (entry, f) {
          for (var i = 0; i < entry.refs.length; i++) {
            var hit = found[entry.refs[i]] || (found[entry.refs[i]] = {score: 0, fields: 0});
            hit.score += entry.weights[i];
            hit.fields |= 1 << f;
          }
        });
        if (total === null) {
          total = found;
        } else {
          var both = {};
          Object.keys(total).forEach(function (ref) {
            if (ref in found) {
              both[ref] = {score: total[ref].score + found[ref].score, fields: total[ref].fields & found[ref].fields};
            }
          });
          total = both;
        }
      }
      return total || {};
    }

    // Per concept: ref -> {score, exact, title, fields}; `fields`: where any variant is found whole.
    // The score is the best variant's, plus half the weight of each further word for the same idea the item has
    // (the word typed and the editors' synonyms): an item that says bestaanszekerheid, schulden and
    // inkomensondersteuning is more about "armoede" than one that says one of them, but one idea must not
    // count as two words of the query. Lucene's SynonymQuery gets this by summing the synonyms' frequencies
    // before BM25 saturates them; the shards hold saturated weights, so the further ones are damped instead
    // (1, the plain sum, and 0.2 were measured too: benchmarks/RESULTS.md). Corrections of a typo and the
    // completions of a word being typed are alternatives, not more words of the idea: only the best counts.
    function conceptScores(concept) {
      var result = {};
      function add(terms, boost, exact, blend) {
        var found = variantScores(terms);
        Object.keys(found).forEach(function (ref) {
          var score = found[ref].score * boost;
          var title = exact && (found[ref].fields & 1 << FIELD_TITLE) !== 0;
          var entry = result[ref] || (result[ref] = {score: 0, exact: false, title: false, fields: 0, best: 0,
            sum: 0});
          entry.score = Math.max(entry.score, score);
          entry.exact = entry.exact || exact;
          entry.title = entry.title || title;
          entry.fields |= found[ref].fields;
          if (blend) {
            entry.best = Math.max(entry.best, score);
            entry.sum += score;
          }
        });
      }
      add(concept.exact, 1, true, true);
      concept.expanded.forEach(function (term) { add([term], 1, true, false); });
      concept.synonyms.forEach(function (terms) { add(terms, SYNONYM_BOOST, false, true); });
      concept.fuzzy.forEach(function (correction) { add([correction.term], FUZZY_BOOST, false, false); });
      Object.keys(result).forEach(function (ref) {
        var entry = result[ref];
        entry.score = Math.max(entry.score, entry.best + FURTHER_VARIANT * (entry.sum - entry.best));
      });
      return result;
    }

    // Tiers before lunr's score, each a rule of how people read a result list (Algolia ranks by such
    // criteria one after the other, "words" then "proximity" then "attribute"; lunr's score alone is a sum
    // in which one rare word in a title outweighs every other word of the query):
    // 1. a title that is the query;
    // 2. more of the query's words (or what they stand for) found: coordination, for the "any word" fallback;
    // 3. more of them together in one field that says what the item is about (title, keywords or summary):
    //    both words in the summary beat one in the title and the other in passing elsewhere, as Elasticsearch's
    //    multi_match best_fields prefers "brown fox" in one field to "brown" in one and "fox" in another;
    // 4. more of them in such a field at all: a title, tag or summary match above a body-only match;
    // 5. more of them as typed (anywhere in the item), not only via a synonym or a correction.
    // Where a word stands (4) comes before how it matched (5): an item titled with a word the editors declared
    // to mean the same ("armoede" finds bestaanszekerheid) is about what was asked, an item naming the typed
    // word once in its body is not. Algolia counts single-word synonyms as exact for the same reason
    // (alternativesAsExact). Counting (5) only where the typed word stands in such a field was measured and
    // dropped: it puts "Toekomstbestendige Wmo" below items with "maatschappelijke ondersteuning" in a tag.
    function compare(a, b) {
      return b.titleIsQuery - a.titleIsQuery || b.matched - a.matched || b.together - a.together ||
        b.strong - a.strong || b.exact - a.exact || b.score - a.score || a.ref - b.ref;
    }

    // ---- the query -------------------------------------------------------------------------

    // Resolves to {words, concepts, hits: [{ref, score}], all, truncated, suggestion, themes}.
    // `hits` are ordered by the tiers of compare(), then lunr's score.
    function search(text, searchOptions) {
      var typing = !!(searchOptions && searchOptions.typing);
      return ready().then(function () {
        var analysed = analyse(text, typing);
        var list = concepts(analysed.words);
        var keys = {};
        list.forEach(function (concept) {
          concept.exact.forEach(function (term) { keys[shardOf(term)] = true; });
          concept.synonyms.forEach(function (terms) {
            terms.forEach(function (term) { keys[shardOf(term)] = true; });
          });
          if (concept.prefix) {
            prefixShards(concept.prefix).forEach(function (key) { keys[key] = true; });
          }
        });
        return need(Object.keys(keys)).then(function () {
          return correct(list);
        }).then(function () {
          return answer(analysed, list);
        });
      });
    }

    // Words of 5+ letters that the hub does not have (nor anything they start
    // with, while typing) are matched to the nearest words it does have.
    function correct(list) {
      var unknown = list.filter(function (concept) {
        if (concept.prefix) {
          concept.expanded = prefixTerms(concept.prefix).filter(function (term) {
            return concept.exact.indexOf(term) < 0;
          });
        }
        return concept.words.length === 1 && !postings(concept.exact[0]) && !concept.expanded.length &&
          allowedEdits(concept.words[0].word) > 0;
      });
      if (!unknown.length) {
        return Promise.resolve();
      }
      var files = [];
      unknown.forEach(function (concept) { files = files.concat(vocabularyKeys(concept.exact[0])); });
      return need(files).then(function () {
        var keys = {};
        unknown.forEach(function (concept) {
          concept.fuzzy = corrections(concept.words[0]);
          concept.fuzzy.forEach(function (correction) { keys[shardOf(correction.term)] = true; });
        });
        return need(Object.keys(keys));
      });
    }

    function answer(analysed, list) {
      var result = {words: analysed.words, concepts: list, truncated: analysed.truncated, hits: [], all: true,
        suggestion: null, themes: []};
      if (!list.length) {
        return result;
      }
      var perConcept = list.map(conceptScores);
      var wanted = list.reduce(function (sum, concept) { return sum + concept.exact.length; }, 0);
      var titleTerms = meta().titleTerms;
      var merged = {};
      var strongFields = ((1 << meta().fields.length) - 1) & ~(1 << meta().fields.indexOf("body"));
      perConcept.forEach(function (scores) {
        Object.keys(scores).forEach(function (ref) {
          var entry = merged[ref] || (merged[ref] = {ref: Number(ref), score: 0, matched: 0, exact: 0,
            title: 0, strong: 0, perField: []});
          var found = scores[ref];
          entry.score += found.score;
          entry.matched += 1;
          entry.exact += found.exact ? 1 : 0;
          entry.title += found.title ? 1 : 0;
          entry.strong += found.fields & strongFields ? 1 : 0;
          for (var f = 0; f < meta().fields.length; f++) {
            entry.perField[f] = (entry.perField[f] || 0) + (found.fields & strongFields & 1 << f ? 1 : 0);
          }
        });
      });
      var hits = Object.keys(merged).map(function (ref) {
        var hit = merged[ref];
        hit.titleIsQuery = hit.title === list.length && titleTerms[hit.ref] === wanted ? 1 : 0;
        hit.together = Math.max.apply(null, hit.perField);
        delete hit.perField;
        return hit;
      });
      var complete = hits.filter(function (hit) { return hit.matched === list.length; });
      if (complete.length || list.length === 1) {
        result.hits = complete;
      } else {
        result.hits = hits;
        result.all = false;
      }
      result.hits.sort(compare);
      result.suggestion = suggestion(analysed.words, list);
      result.themes = matchingThemes(list);  // shown when nothing (or nothing after filtering) is found
      return result;
    }

    // "Bedoelde u …?": the query with every corrected word replaced by its best correction.
    function suggestion(words, list) {
      var changed = false;
      var text = list.map(function (concept) {
        if (concept.fuzzy.length) {
          changed = true;
          return concept.fuzzy[0].word;
        }
        return concept.words.map(function (w) { return w.word; }).join(" ");
      }).join(" ");
      return changed ? text : null;
    }

    // Themes whose name or description has one of the query's words (or what they stand for).
    function matchingThemes(list) {
      var terms = [];
      list.forEach(function (concept) {
        terms = terms.concat(concept.exact);
        concept.synonyms.forEach(function (variant) { terms = terms.concat(variant); });
        concept.fuzzy.forEach(function (correction) { terms.push(correction.term); });
      });
      return meta().themes.filter(function (theme) {
        return theme[2].some(function (term) {
          return terms.some(function (wanted) {
            return wanted === term || (wanted.length >= 5 && term.length >= 5 &&
              (term.lastIndexOf(wanted, 0) === 0 || wanted.lastIndexOf(term, 0) === 0));
          });
        });
      }).map(function (theme) { return {name: theme[0], url: theme[1]}; });
    }

    // ---- documents ----------------------------------------------------------------------------

    // Resolves to the stored fields of `refs`, in that order: {ref, url, title, summary, type, date, excerpt,
    // place, line}: place is where a collection page sits ("Handboek › Sectie"), empty for other items; line
    // names the item's themes and development points (the search page shows them before the facet values).
    function documents(refs) {
      var size = meta().chunk;
      var keys = {};
      refs.forEach(function (ref) { keys["d" + Math.floor(ref / size)] = true; });
      return need(Object.keys(keys)).then(function () {
        return refs.map(function (ref) {
          var doc = store["d" + Math.floor(ref / size)][ref % size];
          return {ref: ref, url: doc[0], title: doc[1], summary: doc[2], type: doc[3], date: doc[4],
            excerpt: doc[5], place: doc[6] || "", line: doc[7] || []};
        });
      });
    }

    function facets() {
      return need(["facetten"]).then(function () { return store.facetten; });
    }

    return {ready: ready, meta: meta, analyse: analyse, search: search, documents: documents, facets: facets,
      distance: distance};
  }

  // The data of one file of the index from its text, without running it: a worker can then fetch many
  // at once (importScripts fetches one after the other), and no eval is needed (the CSP forbids it).
  // shards.py writes exactly: (self.kbZoekdata=self.kbZoekdata||{})["key"]=JSON.parse('<JSON>');
  // where the JSON's \, ' and line separators are escaped as in any JavaScript string.
  var DATA_SCRIPT = /\["([^"]+)"\]=JSON\.parse\('([\s\S]*)'\);\s*$/;
  function readDataScript(text) {
    var match = DATA_SCRIPT.exec(text);
    if (!match) {
      throw new Error("Geen zoekbestand");
    }
    var json = match[2].replace(/\\(u2028|u2029|\\|')/g, function (all, escaped) {
      return escaped === "u2028" ? "\u2028" : escaped === "u2029" ? "\u2029" : escaped;
    });
    (root[DATA] = root[DATA] || {})[match[1]] = JSON.parse(json);
  }

  root.KennisbankZoekmachine = {create: create, readDataScript: readDataScript, MAX_WORDS: MAX_WORDS,
    MAX_CHARS: MAX_CHARS};
})(typeof self !== "undefined" ? self : this);
