/*
 * The contribution form on the Bijdragen page: for officials who do not know Git, YAML or Markdown files.
 *
 * The page holds an empty <div class="kb-bijdrage">; without JavaScript it says to follow the steps of the
 * guide instead. This script builds the form, checks it with the rules of `kennisbank check` (limits and
 * lists from bijdragen/formulier-gegevens.js, written by the build: kennisbank/site/contribution.py), shows
 * the text as it will look, and then links to the repository's "new file" page on GitHub with the file name
 * and the whole file filled in. Nothing is sent anywhere until the contributor follows that link.
 *
 * No markup from the contributor is ever parsed as HTML here: the preview is built with DOM calls.
 */
(function () {
  "use strict";

  var SOORTEN = [
    { value: "artikel", label: "Artikel: kennis over een opgave" },
    { value: "praktijkvoorbeeld", label: "Praktijkvoorbeeld: hoe een gemeente het aanpakte" }
  ];

  function make(tag, attributes, text) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  function list(text) {
    return text.split(/[,\n]/).map(function (part) { return part.replace(/\s+/g, " ").trim(); })
      .filter(function (part) { return part; });
  }

  function today() {
    var now = new Date();
    var month = String(now.getMonth() + 1).padStart(2, "0");
    return now.getFullYear() + "-" + month + "-" + String(now.getDate()).padStart(2, "0");
  }

  /* A file name as the guide asks for it: small letters, digits and dashes. */
  function slug(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
  }

  /* Edit distance, for "bedoelde je …?" as `kennisbank check` suggests it. */
  function distance(a, b) {
    var previous = [];
    var i, j;
    for (j = 0; j <= b.length; j += 1) {
      previous.push(j);
    }
    for (i = 1; i <= a.length; i += 1) {
      var current = [i];
      for (j = 1; j <= b.length; j += 1) {
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1,
          previous[j - 1] + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1)));
      }
      previous = current;
    }
    return previous[b.length];
  }

  function suggestion(value, known) {
    var lowered = value.toLowerCase();
    var best = null;
    var bestDistance = Infinity;
    known.forEach(function (name) {
      var d = distance(lowered, name.toLowerCase());
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    });
    return best && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? "; bedoelde je '" + best + "'?" : "";
  }

  /* A YAML scalar that is always read as the text it is: a double-quoted (JSON) string. */
  function quoted(text) {
    return JSON.stringify(text);
  }

  function flow(values, quote) {
    return "[" + values.map(quote ? quoted : String).join(", ") + "]";
  }

  /* ---------- the form ---------- */

  function field(form, id, label, control, hint) {
    var wrap = make("div", { "class": "kb-bijdrage__field", "data-veld": id });
    var labelElement = make("label", { "for": "kb-bijdrage-" + id }, label);
    control.id = "kb-bijdrage-" + id;
    wrap.appendChild(labelElement);
    if (hint) {
      var hintElement = make("p", { "class": "kb-bijdrage__hint", id: "kb-bijdrage-" + id + "-uitleg" }, hint);
      control.setAttribute("aria-describedby", hintElement.id);
      wrap.appendChild(hintElement);
    }
    wrap.appendChild(control);
    form.appendChild(wrap);
    return control;
  }

  function choices(form, id, legend, options, type, hint) {
    var set = make("fieldset", { "class": "kb-bijdrage__choices", "data-veld": id, id: "kb-bijdrage-" + id });
    set.appendChild(make("legend", {}, legend));
    if (hint) {
      set.appendChild(make("p", { "class": "kb-bijdrage__hint" }, hint));
    }
    var group = null;
    options.forEach(function (option, index) {
      if (option.group && option.group !== group) {
        group = option.group;
        set.appendChild(make("p", { "class": "kb-bijdrage__group" }, group));
      }
      var inputId = "kb-bijdrage-" + id + "-" + index;
      var line = make("div", { "class": "kb-bijdrage__choice" });
      var input = make("input", { type: type, id: inputId, name: id, value: option.value });
      line.appendChild(input);
      line.appendChild(make("label", { "for": inputId }, option.label));
      set.appendChild(line);
    });
    form.appendChild(set);
    return set;
  }

  function checked(set) {
    return Array.prototype.filter.call(set.querySelectorAll("input"), function (input) { return input.checked; })
      .map(function (input) { return input.value; });
  }

  function build(box, data, repo) {
    var form = make("form", { "class": "kb-bijdrage__form", novalidate: "" });
    var soort = choices(form, "type", "Wat wil je delen?", SOORTEN.map(function (s) {
      return { value: s.value, label: s.label };
    }), "radio");
    soort.querySelector("input").checked = true;
    var titel = field(form, "titel", "Titel", make("input", { type: "text", autocomplete: "off" }),
      "Kort en duidelijk, zonder opmaak. Hoogstens " + data.limieten.titel + " tekens.");
    var samenvatting = field(form, "samenvatting", "Samenvatting", make("textarea", { rows: "3" }),
      "Eén tot drie zinnen: waar gaat het over? Verschijnt in overzichten en zoekresultaten.");
    var themas = choices(form, "themas", "Thema's", data.themas.map(function (t) {
      return { value: t.slug, label: t.naam, group: t.soort };
    }), "checkbox", "Kies één tot " + data.limieten.themas + " thema's of ontwikkelpunten.");
    var netwerken = choices(form, "netwerken", "Netwerken (niet verplicht)", data.netwerken.map(function (n) {
      return { value: n.slug, label: n.naam };
    }), "checkbox");
    var datalist = make("datalist", { id: "kb-bijdrage-gemeentenlijst" });
    data.gemeenten.forEach(function (name) { datalist.appendChild(make("option", { value: name })); });
    form.appendChild(datalist);
    var gemeenten = field(form, "gemeenten", "Gemeente(n)",
      make("input", { type: "text", list: "kb-bijdrage-gemeentenlijst", autocomplete: "off" }),
      "De naam zoals het CBS die schrijft, bijvoorbeeld Zwolle; meer gemeenten gescheiden door komma's.");
    var contact = field(form, "contact", "Contactpersoon of afdeling", make("input", { type: "text" }),
      "Wie kunnen andere gemeenten bellen of mailen met vragen over dit voorbeeld?");
    var auteurs = field(form, "auteurs", "Auteur(s)", make("input", { type: "text" }),
      "Namen of de afdeling, gescheiden door komma's.");
    var datum = field(form, "gepubliceerd", "Datum van publicatie", make("input", { type: "date" }));
    datum.value = today();
    var tags = field(form, "tags", "Trefwoorden (niet verplicht)", make("input", { type: "text" }),
      "Gescheiden door komma's; afkortingen zoals je ze gewoonlijk schrijft (WGR, Wmo).");
    var tekst = field(form, "tekst", "Tekst", make("textarea", { rows: "12" }),
      "Tussenkopjes met ##, lijstjes met -, vet met **woord**, links als [tekst](https://…).");
    var previewHeading = make("h3", { id: "kb-bijdrage-voorbeeld-kop" }, "Zo ziet je tekst eruit");
    var preview = make("div", { "class": "kb-bijdrage__preview", role: "region",
      "aria-labelledby": "kb-bijdrage-voorbeeld-kop" });
    form.appendChild(previewHeading);
    form.appendChild(preview);
    var submit = make("button", { type: "submit", "class": "md-button md-button--primary" },
      "Controleer en maak het bestand");
    form.appendChild(submit);
    var summary = make("div", { "class": "kb-bijdrage__fouten", tabindex: "-1" });
    summary.hidden = true;
    var result = make("div", { "class": "kb-bijdrage__klaar", tabindex: "-1" });
    result.hidden = true;
    box.textContent = "";
    box.appendChild(summary);
    box.appendChild(form);
    box.appendChild(result);

    function isPractice() {
      return checked(soort)[0] === "praktijkvoorbeeld";
    }

    function showType() {
      [gemeenten, contact].forEach(function (control) { control.closest(".kb-bijdrage__field").hidden = !isPractice(); });
    }

    function values() {
      return {
        type: checked(soort)[0], titel: titel.value.trim(), samenvatting: samenvatting.value.trim(),
        themas: checked(themas), netwerken: checked(netwerken), gemeenten: list(gemeenten.value),
        contact: contact.value.trim(), auteurs: list(auteurs.value), gepubliceerd: datum.value,
        tags: list(tags.value), tekst: tekst.value
      };
    }

    soort.addEventListener("change", showType);
    tekst.addEventListener("input", function () { renderPreview(preview, tekst.value); });
    showType();
    renderPreview(preview, "");

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = values();
      var problems = check(value, data);
      Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (element) {
        element.removeAttribute("aria-invalid");
      });
      Array.prototype.forEach.call(form.querySelectorAll(".kb-bijdrage__fout"), function (element) {
        element.parentNode.removeChild(element);
      });
      if (problems.length) {
        result.hidden = true;
        showProblems(summary, form, problems);
        return;
      }
      summary.hidden = true;
      showResult(result, value, data, repo);
    });
  }

  /* ---------- checks: the rules of `kennisbank check`, with its messages ---------- */

  function check(value, data) {
    var problems = [];
    var limits = data.limieten;
    function add(name, message) {
      problems.push({ veld: name, melding: message });
    }
    if (!value.titel) {
      add("titel", "vul een titel in");
    } else if (value.titel.length > limits.titel) {
      add("titel", "hoogstens " + limits.titel + " tekens (nu " + value.titel.length + ")");
    }
    if (!value.samenvatting) {
      add("samenvatting", "vul een samenvatting in van één tot drie zinnen");
    } else if (value.samenvatting.length > limits.samenvatting) {
      add("samenvatting", "hoogstens " + limits.samenvatting + " tekens (nu " + value.samenvatting.length + ")");
    }
    if (!value.themas.length) {
      add("themas", "kies minstens één thema of ontwikkelpunt");
    } else if (value.themas.length > limits.themas) {
      add("themas", "kies hoogstens " + limits.themas + " thema's (nu " + value.themas.length + ")");
    }
    if (value.netwerken.length > limits.netwerken) {
      add("netwerken", "kies hoogstens " + limits.netwerken + " netwerken (nu " + value.netwerken.length + ")");
    }
    if (!value.auteurs.length) {
      add("auteurs", "vul minstens één auteur of afdeling in");
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.gepubliceerd)) {
      add("gepubliceerd", "ongeldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2024-03-12");
    }
    if (value.tags.length > limits.tags) {
      add("tags", "hoogstens " + limits.tags + " trefwoorden (nu " + value.tags.length + ")");
    }
    value.tags.filter(function (tag) { return tag.length > limits.tag; }).forEach(function (tag) {
      add("tags", "trefwoord '" + tag + "' is langer dan " + limits.tag + " tekens");
    });
    if (value.type === "praktijkvoorbeeld") {
      if (!value.gemeenten.length) {
        add("gemeenten", "vul minstens één gemeente in");
      }
      value.gemeenten.forEach(function (name) {
        var known = data.gemeenten.some(function (g) { return g.toLowerCase() === name.toLowerCase(); });
        if (!known) {
          add("gemeenten", "onbekende gemeente '" + name + "'" + (suggestion(name, data.gemeenten) ||
            "; gebruik de naam zoals het CBS die schrijft"));
        }
      });
      if (!value.contact) {
        add("contact", "vul een contactpersoon of afdeling in");
      }
    }
    if (!value.tekst.trim()) {
      add("tekst", "schrijf de tekst van je bijdrage");
    }
    return problems;
  }

  function showProblems(summary, form, problems) {
    summary.textContent = "";
    summary.appendChild(make("h3", {}, problems.length === 1 ? "Er is 1 ding om te verbeteren"
      : "Er zijn " + problems.length + " dingen om te verbeteren"));
    var items = make("ul");
    problems.forEach(function (problem) {
      var target = form.querySelector("[data-veld='" + problem.veld + "']");
      var control = target && (target.querySelector("input, textarea") || target);
      var item = make("li");
      var link = make("a", { href: "#" + (control ? control.id : "") }, problem.veld + ": " + problem.melding);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        if (control) {
          control.focus();
        }
      });
      item.appendChild(link);
      items.appendChild(item);
      if (target) {
        var message = make("p", { "class": "kb-bijdrage__fout", id: "kb-bijdrage-fout-" + problem.veld },
          problem.melding);
        target.appendChild(message);
        if (control) {
          control.setAttribute("aria-invalid", "true");
          var described = (control.getAttribute("aria-describedby") || "").split(" ")
            .filter(function (id) { return id && id.indexOf("kb-bijdrage-fout-") !== 0; });
          described.push(message.id);
          control.setAttribute("aria-describedby", described.join(" "));
        }
      }
    });
    summary.appendChild(items);
    summary.hidden = false;
    summary.focus();
  }

  /* ---------- the file and the link to GitHub ---------- */

  function fileText(value) {
    var lines = ["---", "titel: " + quoted(value.titel), "samenvatting: " + quoted(value.samenvatting),
      "type: " + value.type, "themas: " + flow(value.themas, false)];
    if (value.netwerken.length) {
      lines.push("netwerken: " + flow(value.netwerken, false));
    }
    if (value.tags.length) {
      lines.push("tags: " + flow(value.tags, true));
    }
    lines.push("auteurs: " + flow(value.auteurs, true));
    lines.push("gepubliceerd: " + value.gepubliceerd);
    if (value.type === "praktijkvoorbeeld") {
      lines.push("gemeenten: " + flow(value.gemeenten, true));
      lines.push("contact:");
      lines.push("  naam: " + quoted(value.contact));
    }
    lines.push("---", "", value.tekst.replace(/\r\n?/g, "\n").replace(/\s+$/, ""), "");
    return lines.join("\n");
  }

  function showResult(result, value, data, repo) {
    var name = (slug(value.titel) || "bijdrage") + ".md";
    var folder = data.mappen[value.type];
    var text = fileText(value);
    result.textContent = "";
    result.appendChild(make("h3", {}, "Je bijdrage is klaar om voor te stellen"));
    result.appendChild(make("p", {}, "Bestand: docs/" + folder + "/" + name));
    if (repo) {
      var address = repo.url.replace(/\/+$/, "") + "/new/" + encodeURIComponent(repo.branch) + "/docs/" + folder +
        "?filename=" + encodeURIComponent(name) + "&value=" + encodeURIComponent(text);
      var intro = make("p", {}, "De knop opent GitHub met het bestand al ingevuld. Meld je aan (of maak een gratis " +
        "account), kies onderaan 'Propose new file' en daarna 'Create pull request'. De redactie leest mee.");
      result.appendChild(intro);
      result.appendChild(make("a", { href: address, "class": "md-button md-button--primary kb-bijdrage__github" },
        "Open GitHub met je bijdrage"));
    }
    result.appendChild(make("p", {}, "Of kopieer de inhoud van het bestand:"));
    var code = make("pre", { "class": "kb-bijdrage__bestand", tabindex: "0" });
    code.appendChild(make("code", {}, text));
    result.appendChild(code);
    result.hidden = false;
    result.focus();
  }

  /* ---------- preview ---------- */

  /* A small Markdown preview: headings, lists, paragraphs, bold, italic and links. Hand-written because the
     site loads no Markdown library in the browser; the real page is made by the build, which may show more. */
  function inline(parent, text) {
    var pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      if (match[1] !== undefined) {
        parent.appendChild(make("strong", {}, match[1]));
      } else if (match[2] !== undefined) {
        parent.appendChild(make("em", {}, match[2]));
      } else if (/^https?:\/\//.test(match[4])) {
        parent.appendChild(make("a", { href: match[4], rel: "noopener noreferrer" }, match[3]));
      } else {
        parent.appendChild(document.createTextNode(match[3]));
      }
      last = pattern.lastIndex;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function renderPreview(preview, text) {
    preview.textContent = "";
    if (!text.trim()) {
      preview.appendChild(make("p", { "class": "kb-bijdrage__hint" }, "Nog geen tekst."));
      return;
    }
    text.replace(/\r\n?/g, "\n").split(/\n\s*\n/).forEach(function (block) {
      var lines = block.split("\n").filter(function (line) { return line.trim(); });
      if (!lines.length) {
        return;
      }
      var heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]);
      if (heading && lines.length === 1) {
        var level = Math.min(6, heading[1].length + 2); // below the preview's own h3
        var element = make("h" + level);
        inline(element, heading[2]);
        preview.appendChild(element);
      } else if (lines.every(function (line) { return /^\s*[-*]\s+/.test(line); })) {
        var listElement = make("ul");
        lines.forEach(function (line) {
          var item = make("li");
          inline(item, line.replace(/^\s*[-*]\s+/, ""));
          listElement.appendChild(item);
        });
        preview.appendChild(listElement);
      } else {
        var paragraph = make("p");
        inline(paragraph, lines.join(" "));
        preview.appendChild(paragraph);
      }
    });
  }

  /* ---------- wiring ---------- */

  function repository() {
    var link = document.querySelector("a[data-kb-repo]");
    return link ? { url: link.getAttribute("data-kb-repo"), branch: link.getAttribute("data-kb-branch") || "main" }
      : null;
  }

  function init() {
    var box = document.querySelector(".kb-bijdrage");
    if (!box || box.kbReady) {
      return;
    }
    box.kbReady = true;
    if (window.kbBijdrageGegevens) {
      build(box, window.kbBijdrageGegevens, repository());
      return;
    }
    var script = document.createElement("script");
    script.src = new URL("formulier-gegevens.js", document.baseURI).href;
    script.addEventListener("load", function () { build(box, window.kbBijdrageGegevens, repository()); });
    document.body.appendChild(script);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
