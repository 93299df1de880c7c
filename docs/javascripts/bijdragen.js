/*
 * The contribution form on the Bijdragen page: for officials who do not know Git, YAML or Markdown files.
 *
 * The page holds an empty <div class="kb-bijdrage">; without JavaScript it says to follow the steps of the
 * guide instead. This script builds the form for every content type (artikel, praktijkvoorbeeld, cursus,
 * module), checks it with the rules of `kennisbank check`, shows the text as it will look, and then links to
 * the repository's "new file" page on GitHub with the file name and the whole file filled in. Nothing is
 * sent anywhere until the contributor follows that link.
 *
 * The rules are not written here: which fields a type has, which are required, their limits, choices and
 * patterns, the messages for broken limits and the lists to check against all come from
 * bijdragen/formulier-gegevens.js, which the build writes from the pydantic models
 * (kennisbank/site/contribution.py). This file holds only what a form adds: labels, hints, controls and
 * the friendly "fill this in" messages.
 *
 * No markup from the contributor is ever parsed as HTML here: the preview is built with DOM calls.
 */
(function () {
  "use strict";

  var make = window.kennisbank.make; // docs/javascripts/dom.js

  var SOORTEN = {
    artikel: "Artikel: kennis over een opgave",
    praktijkvoorbeeld: "Praktijkvoorbeeld: hoe een gemeente het aanpakte",
    cursus: "Cursus voor de VNG Academie (daarna voeg je de modules toe)",
    module: "Module van een bestaande cursus"
  };

  var DOELGROEPEN = {
    raadsleden: "Raadsleden", wethouders: "Wethouders", burgemeesters: "Burgemeesters", griffiers: "Griffiers",
    gemeentesecretarissen: "Gemeentesecretarissen", ambtenaren: "Ambtenaren", managers: "Managers"
  };
  var NIVEAUS = { basis: "Basis", gevorderd: "Gevorderd", expert: "Expert" };
  /* GitHub answers a longer address with "414 URI too long" (its servers take at most 8,191 bytes): a longer
     file is not put in the address; the contributor pastes it. */
  var MAX_ADDRESS = 8000;

  /* How the form asks for each frontmatter field. `vul` is the message when a required field is empty. */
  var FIELDS = {
    // First: it says, right under the chosen course, which number the new module gets.
    volgorde: { label: "Nummer van de module", control: "auto" },
    titel: { label: "Titel", control: "text", hint: "Kort en duidelijk, zonder opmaak.", vul: "vul een titel in" },
    samenvatting: { label: "Samenvatting", control: "textarea",
      hint: "Eén tot drie zinnen: waar gaat het over? Verschijnt in overzichten en zoekresultaten.",
      vul: "vul een samenvatting in van één tot drie zinnen" },
    doelgroep: { label: "Doelgroep", control: "checkboxes", hint: "Voor wie is de cursus bedoeld?",
      vul: "kies minstens één doelgroep" },
    niveau: { label: "Niveau", control: "radios", vul: "kies een niveau" },
    duur_minuten: { label: "Studieduur in minuten", control: "number", vul: "vul de studieduur in minuten in" },
    leerdoelen: { label: "Leerdoelen", control: "lines", hint: "Wat kan de deelnemer na afloop? Eén leerdoel per regel.",
      vul: "schrijf minstens één leerdoel" },
    themas: { label: "Thema's", control: "checkboxes", vul: "kies minstens één thema of ontwikkelpunt" },
    netwerken: { label: "Netwerken", control: "checkboxes" },
    gemeenten: { label: "Gemeente(n)", control: "list", vul: "vul minstens één gemeente in",
      hint: "De naam zoals het CBS die schrijft, bijvoorbeeld Zwolle; meer gemeenten gescheiden door komma's." },
    contact: { label: "Contact", control: "contact" },
    auteurs: { label: "Auteur(s)", control: "list", hint: "Namen of de afdeling, gescheiden door komma's.",
      vul: "vul minstens één auteur of afdeling in" },
    docenten: { label: "Docenten", control: "list", hint: "Namen, gescheiden door komma's." },
    gepubliceerd: { label: "Datum van publicatie", control: "date", vul: "vul een datum in" },
    tags: { label: "Trefwoorden", control: "list",
      hint: "Gescheiden door komma's; afkortingen zoals je ze gewoonlijk schrijft (WGR, Wmo)." }
  };
  var CONTACT = {
    naam: { label: "Contactpersoon of afdeling", vul: "vul een contactpersoon of afdeling in",
      hint: "Wie kunnen andere gemeenten bellen of mailen met vragen over dit voorbeeld?" },
    email: { label: "E-mailadres van de contactpersoon", hint: "Bijvoorbeeld team.energie@zwolle.nl." }
  };

  function list(text) {
    return text.split(/[,\n]/).map(function (part) { return part.replace(/\s+/g, " ").trim(); })
      .filter(function (part) { return part; });
  }

  function lines(text) {
    return text.split("\n").map(function (part) { return part.replace(/\s+/g, " ").trim(); })
      .filter(function (part) { return part; });
  }

  function today() {
    var now = new Date();
    var month = String(now.getMonth() + 1).padStart(2, "0");
    return now.getFullYear() + "-" + month + "-" + String(now.getDate()).padStart(2, "0");
  }

  /* A file name as `kennisbank check` and `kennisbank new` make it (slugify in kennisbank/content/layout.py). */
  function slug(text) {
    return text.normalize("NFKD").replace(/[\u0080-\uffff]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "item";
  }

  /* A message template from the build, filled in: "maximaal {max}" -> "maximaal 150". */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* A value as check's messages quote it: cut after 60 characters (_show in kennisbank/content/messages.py). */
  function shown(value) {
    return value.length > 60 ? value.slice(0, 60) + "…" : value;
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

  function closest(value, known) {
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
    return best && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : null;
  }

  /* ---------- checks: the rules of `kennisbank check`, read from the build's data ---------- */

  function realDate(text) {
    var parts = text.split("-").map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return date.getUTCFullYear() === parts[0] && date.getUTCMonth() === parts[1] - 1 && date.getUTCDate() === parts[2];
  }

  /* The problems with one value under one rule of the model, as [{veld, melding}]. */
  function checkRule(name, rule, value, ask, data) {
    var say = data.meldingen;
    var found = [];
    function add(message) {
      found.push({ veld: name, melding: message });
    }
    var empty = Array.isArray(value) ? !value.length : !String(value).trim();
    if (rule.soort === "velden") {
      Object.keys(rule.velden).forEach(function (part) {
        found = found.concat(checkRule(name + "." + part, rule.velden[part], value[part], CONTACT[part], data));
      });
      return found;
    }
    if (empty) {
      if (rule.verplicht) {
        add((ask && ask.vul) || say.verplicht);
      }
      return found;
    }
    if (rule.soort === "tekst") {
      if (rule.max && value.length > rule.max) {
        add(fill(say.te_lang, { lengte: value.length, max: rule.max }));
      }
      if (rule.patroon && !new RegExp(rule.patroon).test(value)) {
        add(fill(say.ongeldig, { waarde: shown(value) }));
      }
    } else if (rule.soort === "lijst") {
      if (value.length < (rule.min || 0)) {
        add(say.te_weinig);
      }
      if (rule.max && value.length > rule.max) {
        add(fill(say.te_veel, { max: rule.max }));
      }
      value.forEach(function (entry) {
        if (rule.itemMax && entry.length > rule.itemMax) {
          add(fill(say.te_lang, { lengte: entry.length, max: rule.itemMax }));
        }
        if (rule.keuzes && rule.keuzes.indexOf(entry) < 0) {
          add(fill(say.ongeldig, { waarde: shown(entry) }));
        }
        if (name === "gemeenten" && !data.gemeenten.some(function (g) { return g.toLowerCase() === entry.toLowerCase(); })) {
          var near = closest(entry, data.gemeenten);
          add(near ? fill(say.gemeente_bedoeld, { waarde: shown(entry), naam: near })
            : fill(say.gemeente, { waarde: shown(entry) }));
        }
      });
    } else if (rule.soort === "datum") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        add(fill(say.datum, { waarde: shown(value) }));
      } else if (!realDate(value)) {
        add(fill(say.datum_bestaat_niet, { waarde: value }));
      }
    } else if (rule.soort === "getal") {
      if (!/^\s*\d+\s*$/.test(value)) {
        add(fill(say.geen_getal, { waarde: shown(value) }));
      } else if (rule.min !== undefined && Number(value) < rule.min) {
        add(fill(say.te_klein, { min: rule.min }));
      } else if (rule.max !== undefined && Number(value) > rule.max) {
        add(fill(say.te_groot, { max: rule.max }));
      }
    } else if (rule.soort === "keuze" && rule.keuzes.indexOf(value) < 0) {
      add(fill(say.ongeldig, { waarde: shown(value) }));
    }
    return found;
  }

  /* Code is shown as text, so check looks past it: fenced blocks and code spans are left out first. */
  function withoutCode(text) {
    return text.replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^[ \t]*\1[^\n]*$/gm, "").replace(/(`+)[\s\S]*?\1/g, "");
  }

  function embedAllowed(address, hosts) {
    try {
      var url = new URL(address);
      return url.protocol === "https:" && hosts.indexOf(url.hostname) >= 0;
    } catch (error) {
      return false;
    }
  }

  /* The core of check's safety rules for the text (kennisbank/content/safety.py), with check's own messages
     from the build: forbidden tags, event attributes, unsafe link schemes, iframes outside the embed list.
     What this misses, check still reports in the pull request. */
  function checkText(text, rules) {
    var plain = withoutCode(text.replace(/\r\n?/g, "\n"));
    var found = [];
    function add(message) {
      if (found.indexOf(message) < 0) {
        found.push(message);
      }
    }
    function scheme(address) {
      var match = /^\s*([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(address.replace(/[\t\n\r]/g, ""));
      return match && rules.adressen[match[1].toLowerCase()] ? match[1].toLowerCase() : null;
    }
    var tag = /<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
    var match;
    while ((match = tag.exec(plain)) !== null) {
      var name = match[1].toLowerCase();
      var attributes = /\s([a-zA-Z:-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
      var values = {};
      var attribute;
      while ((attribute = attributes.exec(match[2])) !== null) {
        values[attribute[1].toLowerCase()] = (attribute[2] || "").replace(/^["']|["']$/g, "");
      }
      if (rules.verboden[name]) {
        add(rules.verboden[name]);
      } else if (name === "iframe" && !embedAllowed((values.src || "").trim(), rules.embeds)) {
        add(fill(rules.iframe, { adres: (values.src || "").trim().slice(0, 80) }));
      }
      Object.keys(values).forEach(function (key) {
        if (key.indexOf("on") === 0) {
          add(fill(rules.attribuut, { naam: key }));
        } else if ((key === "href" || key === "src") && scheme(values[key])) {
          add(key + ": " + rules.adressen[scheme(values[key])]);
        }
      });
    }
    var link = /\]\(\s*<?([^)\s>]*)/g;
    while ((match = link.exec(plain)) !== null) {
      if (scheme(match[1])) {
        add(rules.adressen[scheme(match[1])]);
      }
    }
    return found;
  }

  function check(value, data) {
    var kind = data.soorten[value.type];
    var problems = [];
    if (value.type === "module" && !value.cursus) {
      problems.push({ veld: "cursus", melding: "kies de cursus waar de module bij hoort" });
    }
    Object.keys(kind.regels).forEach(function (name) {
      if (name === "volgorde" && !value.cursus) {
        return; // follows from the course: nothing to say until one is chosen
      }
      problems = problems.concat(checkRule(name, kind.regels[name], value[name], FIELDS[name], data));
    });
    if (value.type !== "module" && value.titel) {
      var taken = data.bezet[slug(value.titel)];
      if (taken) {
        problems.push({ veld: "titel", melding: "de naam '" + slug(value.titel) + "' wordt al gebruikt door " + taken +
          "; kies een andere titel" });
      }
    }
    if (!value.tekst.trim()) {
      problems.push({ veld: "tekst", melding: "schrijf de tekst van je bijdrage" });
    }
    checkText(value.tekst, data.tekst).forEach(function (message) {
      problems.push({ veld: "tekst", melding: message });
    });
    return problems;
  }

  /* ---------- the form ---------- */

  function describe(control, id) {
    var described = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    described.push(id);
    control.setAttribute("aria-describedby", described.join(" "));
  }

  function field(form, id, label, control, hint) {
    var wrap = make("div", { "class": "kb-bijdrage__field", "data-veld": id });
    control.id = "kb-bijdrage-" + id.replace(".", "-");
    wrap.appendChild(make("label", { "for": control.id }, label));
    if (hint) {
      var hintElement = make("p", { "class": "kb-bijdrage__hint", id: control.id + "-uitleg" }, hint);
      describe(control, hintElement.id);
      wrap.appendChild(hintElement);
    }
    wrap.appendChild(control);
    form.appendChild(wrap);
    return wrap;
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
      line.appendChild(make("input", { type: type, id: inputId, name: id, value: option.value }));
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

  function options(name, data) {
    if (name === "themas") {
      return data.themas.map(function (t) { return { value: t.slug, label: t.naam, group: t.soort }; });
    }
    if (name === "netwerken") {
      return data.netwerken.map(function (n) { return { value: n.slug, label: n.naam }; });
    }
    var names = name === "doelgroep" ? DOELGROEPEN : NIVEAUS;
    return Object.keys(names).map(function (key) { return { value: key, label: names[key] }; });
  }

  /* The control for one field; returns {box, read()} where box is what is shown or hidden per type. */
  function control(form, name, data) {
    var ask = FIELDS[name];
    var input;
    if (ask.control === "checkboxes" || ask.control === "radios") {
      var set = choices(form, name, ask.label, options(name, data), ask.control === "radios" ? "radio" : "checkbox",
        ask.hint);
      return { box: set, legend: set.querySelector("legend"), read: function () {
        return ask.control === "radios" ? checked(set)[0] || "" : checked(set);
      } };
    }
    if (ask.control === "contact") {
      var parts = {};
      var group = make("div", { "data-veld-groep": name });
      Object.keys(CONTACT).forEach(function (part) {
        var partInput = make("input", { type: part === "email" ? "email" : "text", autocomplete: "off" });
        var wrap = field(group, name + "." + part, CONTACT[part].label, partInput, CONTACT[part].hint);
        parts[part] = { input: partInput, label: wrap.querySelector("label") };
      });
      form.appendChild(group);
      return { box: group, parts: parts, read: function () {
        var value = {};
        Object.keys(parts).forEach(function (part) { value[part] = parts[part].input.value.trim(); });
        return value;
      } };
    }
    if (ask.control === "auto") {
      var note = make("p", { "class": "kb-bijdrage__field kb-bijdrage__auto", "data-veld": name, "aria-live": "polite" });
      form.appendChild(note);
      return { box: note, read: function () { return note.kbValue || ""; } };
    }
    if (ask.control === "textarea" || ask.control === "lines") {
      input = make("textarea", { rows: ask.control === "lines" ? "4" : "3" });
    } else if (ask.control === "number") {
      input = make("input", { type: "text", inputmode: "numeric", autocomplete: "off" });
    } else {
      input = make("input", { type: ask.control === "date" ? "date" : "text", autocomplete: "off" });
    }
    if (name === "gemeenten") {
      input.setAttribute("list", "kb-bijdrage-gemeentenlijst");
    }
    var wrapper = field(form, name, ask.label, input, ask.hint);
    return { box: wrapper, label: wrapper.querySelector("label"), input: input, read: function () {
      if (ask.control === "list") {
        return list(input.value);
      }
      return ask.control === "lines" ? lines(input.value) : input.value.trim();
    } };
  }

  function build(box, data, repo) {
    var form = make("form", { "class": "kb-bijdrage__form", novalidate: "" });
    var soort = choices(form, "type", "Wat wil je delen?", Object.keys(SOORTEN).map(function (key) {
      return { value: key, label: SOORTEN[key] };
    }), "radio");
    soort.querySelector("input").checked = true;
    var cursusSelect = make("select", {});
    cursusSelect.appendChild(make("option", { value: "" }, "Kies een cursus"));
    data.cursussen.forEach(function (course) {
      cursusSelect.appendChild(make("option", { value: course.map }, course.titel));
    });
    var cursusBox = field(form, "cursus", "Cursus", cursusSelect,
      "Een nieuwe module komt achteraan de cursus. Een nieuwe cursus stel je eerst voor als 'Cursus'.");
    var datalist = make("datalist", { id: "kb-bijdrage-gemeentenlijst" });
    data.gemeenten.forEach(function (name) { datalist.appendChild(make("option", { value: name })); });
    form.appendChild(datalist);
    var controls = {};
    Object.keys(FIELDS).forEach(function (name) {
      var used = Object.keys(data.soorten).some(function (type) { return data.soorten[type].regels[name]; });
      if (used) {
        controls[name] = control(form, name, data);
      }
    });
    controls.gepubliceerd.input.value = today();
    var tekst = make("textarea", { rows: "12" });
    field(form, "tekst", "Tekst", tekst,
      "Tussenkopjes met ##, lijstjes met -, vet met **woord**, links als [tekst](https://…).");
    var previewHeading = make("h3", { id: "kb-bijdrage-voorbeeld-kop" }, "Zo ziet je tekst eruit");
    var preview = make("div", { "class": "kb-bijdrage__preview", role: "region",
      "aria-labelledby": "kb-bijdrage-voorbeeld-kop" });
    form.appendChild(previewHeading);
    form.appendChild(preview);
    form.appendChild(make("button", { type: "submit", "class": "md-button md-button--primary" },
      "Controleer en maak het bestand"));
    var summary = make("div", { "class": "kb-bijdrage__fouten", tabindex: "-1" });
    summary.hidden = true;
    var result = make("div", { "class": "kb-bijdrage__klaar", tabindex: "-1" });
    result.hidden = true;
    box.textContent = "";
    box.appendChild(summary);
    box.appendChild(form);
    box.appendChild(result);

    function type() {
      return checked(soort)[0];
    }

    function course() {
      var found = null;
      data.cursussen.forEach(function (c) {
        if (c.map === cursusSelect.value) {
          found = c;
        }
      });
      return found;
    }

    /* Show the fields of the chosen type; "(niet verplicht)" follows from the model's rules. */
    function showType() {
      var regels = data.soorten[type()].regels;
      cursusBox.hidden = type() !== "module";
      Object.keys(controls).forEach(function (name) {
        var shownControl = controls[name];
        shownControl.box.hidden = !regels[name];
        var label = shownControl.legend || shownControl.label;
        if (label && regels[name]) {
          label.textContent = FIELDS[name].label + (regels[name].verplicht ? "" : " (niet verplicht)");
        }
        if (shownControl.parts && regels[name]) {
          Object.keys(shownControl.parts).forEach(function (part) {
            shownControl.parts[part].label.textContent = CONTACT[part].label +
              (regels[name].velden[part].verplicht ? "" : " (niet verplicht)");
          });
        }
      });
      showOrder();
    }

    function showOrder() {
      var note = controls.volgorde.box;
      var chosen = course();
      note.kbValue = chosen ? String(chosen.volgende) : "";
      note.textContent = chosen ? "Dit wordt module " + chosen.volgende + " van de cursus '" + chosen.titel + "'." : "";
    }

    function values() {
      var value = { type: type(), cursus: cursusSelect.value, tekst: tekst.value };
      Object.keys(controls).forEach(function (name) { value[name] = controls[name].read(); });
      return value;
    }

    soort.addEventListener("change", showType);
    cursusSelect.addEventListener("change", showOrder);
    tekst.addEventListener("input", function () { renderPreview(preview, tekst.value); });
    showType();
    renderPreview(preview, "");

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = values();
      var problems = check(value, data);
      Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (element) {
        element.removeAttribute("aria-invalid");
        element.setAttribute("aria-describedby", (element.getAttribute("aria-describedby") || "").split(" ")
          .filter(function (id) { return id.indexOf("kb-bijdrage-fout-") !== 0; }).join(" "));
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

  /* GOV.UK's error summary: a heading, every problem as a link to its field, and each message by its field. */
  function showProblems(summary, form, problems) {
    summary.textContent = "";
    summary.appendChild(make("h3", {}, problems.length === 1
      ? "Er is 1 ding om te verbeteren" : "Er zijn " + problems.length + " dingen om te verbeteren"));
    var items = make("ul");
    var counts = {};
    problems.forEach(function (problem) {
      var target = form.querySelector("[data-veld='" + problem.veld + "']");
      var control = target && (target.querySelector("input, textarea, select") || target);
      var label = target && target.querySelector("label, legend");
      var item = make("li");
      var name = label ? label.textContent.replace(/ \(niet verplicht\)$/, "") : problem.veld;
      var link = make("a", { href: "#" + (control ? control.id : "") }, name + ": " + problem.melding);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        if (control) {
          control.focus();
        }
      });
      item.appendChild(link);
      items.appendChild(item);
      if (target) {
        counts[problem.veld] = (counts[problem.veld] || 0) + 1;
        var message = make("p", { "class": "kb-bijdrage__fout",
          id: "kb-bijdrage-fout-" + problem.veld.replace(".", "-") + "-" + counts[problem.veld] }, problem.melding);
        // GOV.UK's place for the message: under the label and hint, right above what to correct.
        var before = target.tagName === "FIELDSET" ? target.querySelector(".kb-bijdrage__choice") : control;
        target.insertBefore(message, before && before.parentNode === target ? before : null);
        if (control) {
          control.setAttribute("aria-invalid", "true");
          describe(control, message.id);
        }
      }
    });
    summary.appendChild(items);
    summary.hidden = false;
    summary.focus();
  }

  /* ---------- the file and the link to GitHub ---------- */

  /* A YAML scalar that is always read as the text it is: a double-quoted (JSON) string. */
  function quoted(text) {
    return JSON.stringify(text);
  }

  function flow(values, quote) {
    return "[" + values.map(quote ? quoted : String).join(", ") + "]";
  }

  function fileText(value, data) {
    var regels = data.soorten[value.type].regels;
    var out = ["---", "titel: " + quoted(value.titel), "samenvatting: " + quoted(value.samenvatting),
      "type: " + value.type];
    if (value.type === "cursus") {
      // check refuses a published course without modules: it waits as a concept until its modules follow.
      out.push("status: concept");
    }
    Object.keys(regels).forEach(function (name) {
      var rule = regels[name];
      var entry = value[name];
      if (name === "titel" || name === "samenvatting") {
        return;
      }
      if (rule.soort === "velden") {
        out.push(name + ":");
        Object.keys(rule.velden).forEach(function (part) {
          if (entry[part]) {
            out.push("  " + part + ": " + quoted(entry[part]));
          }
        });
      } else if (rule.soort === "lijst") {
        if (entry.length) {
          // Slugs and choices are plain words; free text is quoted so no YAML reading can change it.
          out.push(name + ": " + flow(entry, !(rule.keuzes || name === "themas" || name === "netwerken")));
        }
      } else if (entry !== "") {
        out.push(name + ": " + (rule.soort === "tekst" ? quoted(entry) : String(entry).trim()));
      }
    });
    out.push("---", "", value.tekst.replace(/\r\n?/g, "\n").replace(/\s+$/, ""), "");
    return out.join("\n");
  }

  /* Where the file goes: the folder that exists in the repository, and the name below it. GitHub makes the
     folders a name with "/" asks for, so a new course is "<name>/index.md" in docs/academie. */
  function destination(value, data) {
    var folder = "docs/" + data.soorten[value.type].map;
    var name = slug(value.titel);
    if (value.type === "cursus") {
      return { folder: folder, name: name + "/index.md" };
    }
    if (value.type === "module") {
      return { folder: folder + "/" + value.cursus, name: String(value.volgorde).padStart(2, "0") + "-" + name + ".md" };
    }
    return { folder: folder, name: name + ".md" };
  }

  function showResult(result, value, data, repo) {
    var where = destination(value, data);
    var text = fileText(value, data);
    result.textContent = "";
    result.appendChild(make("h3", {}, "Je bijdrage is klaar om voor te stellen"));
    result.appendChild(make("p", {}, "Bestand: " + where.folder + "/" + where.name));
    if (value.type === "cursus") {
      result.appendChild(make("p", {}, "Een cursus verschijnt op de site zodra er een module bij is. Daarom " +
        "staat hij als concept klaar. Stel daarna de modules voor; de redactie publiceert de cursus met zijn modules."));
    }
    if (window.location.protocol === "file:") {
      result.appendChild(make("p", { "class": "kb-bijdrage__offline" }, "Je gebruikt de kopie van de " +
        "kennisbank zonder internet. De knop hieronder werkt alleen als je computer verbinding heeft. Zonder " +
        "verbinding kopieer je de inhoud van het bestand en stel je het later voor."));
    }
    var code = make("pre", { "class": "kb-bijdrage__bestand", tabindex: "0" });
    code.appendChild(make("code", {}, text));
    if (repo) {
      var address = repo.url.replace(/\/+$/, "") + "/new/" + encodeURIComponent(repo.branch) + "/" + where.folder +
        "?filename=" + encodeURIComponent(where.name);
      var whole = address + "&value=" + encodeURIComponent(text);
      if (whole.length <= MAX_ADDRESS) {
        result.appendChild(make("p", {}, "De knop opent GitHub met het bestand al ingevuld. Meld je aan (of maak " +
          "een gratis account), kies onderaan 'Propose new file' en daarna 'Create pull request'. De redactie leest mee."));
      } else {
        result.appendChild(make("p", { "class": "kb-bijdrage__lang" }, "Je bijdrage is te lang om in één keer aan " +
          "GitHub mee te geven. De knop opent GitHub met de bestandsnaam ingevuld. Kopieer eerst het bestand met de " +
          "knop 'Kopieer het bestand' en plak het daar in het lege bewerkvenster. Kies daarna onderaan 'Propose new " +
          "file' en 'Create pull request'. De redactie leest mee."));
      }
      result.appendChild(make("a", { href: whole.length <= MAX_ADDRESS ? whole : address,
        "class": "md-button md-button--primary kb-bijdrage__github" }, "Open GitHub met je bijdrage"));
    }
    result.appendChild(make("p", {}, repo ? "Of kopieer de inhoud van het bestand:" : "Kopieer de inhoud van het bestand:"));
    result.appendChild(copyButton(code, text));
    result.appendChild(code);
    result.hidden = false;
    result.focus();
  }

  /* "Kopieer het bestand": the clipboard API where the browser allows it (https, localhost, file://), else the
     text selected, so Ctrl+C copies it. */
  function copyButton(code, text) {
    var wrap = make("p", { "class": "kb-bijdrage__kopie" });
    var button = make("button", { type: "button", "class": "md-button" }, "Kopieer het bestand");
    var status = make("span", { role: "status", "class": "kb-bijdrage__gekopieerd" });
    function select() {
      var range = document.createRange();
      range.selectNodeContents(code);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      status.textContent = "Het bestand is geselecteerd: kopieer het met Ctrl+C (Cmd+C op een Mac).";
    }
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          status.textContent = "Gekopieerd. Plak het bestand in het bewerkvenster van GitHub.";
        }, select);
      } else {
        select();
      }
    });
    wrap.appendChild(button);
    wrap.appendChild(status);
    return wrap;
  }

  /* ---------- preview ---------- */

  /* A small Markdown preview: headings, lists, paragraphs, bold, italic and links. Hand-written because the
     site loads no Markdown library in the browser; the real page is made by the build, which may show more.
     Contributor text only ever becomes text nodes, and only http(s) links become links: nothing in the
     preview can run a script or make the browser fetch anything. */
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
      } else if (/^https?:\/\//i.test(match[4])) {
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
      var blockLines = block.split("\n").filter(function (line) { return line.trim(); });
      if (!blockLines.length) {
        return;
      }
      var heading = /^(#{1,6})\s+(.*)$/.exec(blockLines[0]);
      if (heading && blockLines.length === 1) {
        var level = Math.min(6, heading[1].length + 2); // below the preview's own h3
        var element = make("h" + level);
        inline(element, heading[2]);
        preview.appendChild(element);
      } else if (blockLines.every(function (line) { return /^\s*[-*]\s+/.test(line); })) {
        var listElement = make("ul");
        blockLines.forEach(function (line) {
          var item = make("li");
          inline(item, line.replace(/^\s*[-*]\s+/, ""));
          listElement.appendChild(item);
        });
        preview.appendChild(listElement);
      } else {
        var paragraph = make("p");
        inline(paragraph, blockLines.join(" "));
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

  window.kennisbank.onEveryPage(init);
})();
