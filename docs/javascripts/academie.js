/*
 * VNG Academie in the browser: self-check feedback, module progress and catalogue filters.
 *
 * Progress lives only in this browser's localStorage under one key; nothing is
 * sent anywhere. Every control this script drives is rendered with `hidden`
 * and shown here, so a visitor without JavaScript never sees a dead button.
 * Works with Material's instant navigation (document$ emits on every page)
 * and without it.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "kennisbank.academie.voortgang";

  /* ---------- storage ---------- */

  function storageAvailable() {
    try {
      var probe = STORAGE_KEY + ".probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return true;
    } catch (error) {
      return false; // disabled by the visitor or a privacy setting
    }
  }

  function loadDone() {
    try {
      var value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}");
      return value && typeof value === "object" && !Array.isArray(value) ? value : {};
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

  function keysOf(element, attribute) {
    return (element.getAttribute(attribute) || "").split(" ").filter(Boolean);
  }

  function countDone(keys, done) {
    return keys.filter(function (key) { return done[key]; }).length;
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  /* ---------- self-checks ---------- */

  function setupSelfCheck(box) {
    var button = box.querySelector(".kb-toets__check");
    var feedback = box.querySelector(".kb-toets__feedback");
    if (!button || !feedback) {
      return;
    }
    var inputs = all(box, "input");
    button.hidden = false;
    button.addEventListener("click", function () {
      var chosen = inputs.filter(function (input) { return input.checked; });
      box.classList.remove("kb-toets--goed", "kb-toets--fout");
      if (!chosen.length) {
        feedback.textContent = "Kies eerst een antwoord.";
        return;
      }
      var right = inputs.every(function (input) {
        return input.checked === input.hasAttribute("data-kb-correct");
      });
      box.classList.add(right ? "kb-toets--goed" : "kb-toets--fout");
      if (right) {
        feedback.textContent = "Goed! Lees de toelichting hieronder.";
        var answer = box.querySelector(".kb-toets__answer");
        if (answer) {
          answer.open = true;
        }
      } else {
        feedback.textContent = box.getAttribute("data-kb-toets") === "multiple"
          ? "Nog niet goed. Let op: er zijn meerdere goede antwoorden. Probeer het nog eens."
          : "Helaas, dat is niet goed. Probeer het nog eens.";
      }
    });
    // A changed answer makes the old feedback misleading.
    inputs.forEach(function (input) {
      input.addEventListener("change", function () {
        feedback.textContent = "";
        box.classList.remove("kb-toets--goed", "kb-toets--fout");
      });
    });
  }

  /* ---------- progress ---------- */

  function setupDoneButton(box) {
    var button = box.querySelector("[data-kb-done]");
    var status = box.querySelector("[data-kb-done-status]");
    var key = button.getAttribute("data-kb-done");
    function show(announce) {
      var isDone = Boolean(loadDone()[key]);
      button.textContent = isDone ? "Markering 'afgerond' weghalen" : "Markeer als afgerond";
      box.classList.toggle("kb-module-done--afgerond", isDone);
      status.textContent = isDone ? "Je hebt deze module afgerond." : (announce ? "Niet meer als afgerond gemarkeerd." : "");
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
    box.hidden = false;
    show(false);
  }

  function showCourseProgress(root) {
    var done = loadDone();
    all(root, "[data-kb-module]").forEach(function (mark) {
      mark.hidden = !done[mark.getAttribute("data-kb-module")];
    });
    all(root, "[data-kb-progress]").forEach(function (box) {
      var keys = keysOf(box, "data-kb-progress");
      var count = countDone(keys, done);
      box.querySelector("progress").value = count;
      box.querySelector("[data-kb-progress-text]").textContent =
        count + " van " + keys.length + (keys.length === 1 ? " module" : " modules") + " afgerond";
      box.hidden = false;
    });
    all(root, ".kb-continue").forEach(function (link) {
      var next = all(root, "[data-kb-module]").filter(function (mark) {
        return !done[mark.getAttribute("data-kb-module")];
      })[0];
      var started = all(root, "[data-kb-module]").some(function (mark) { return !mark.hidden; });
      if (!link.hasAttribute("data-kb-start")) {
        link.setAttribute("data-kb-start", link.textContent);
        link.setAttribute("data-kb-start-href", link.getAttribute("href"));
      }
      var target = next && next.parentElement.querySelector("a");
      if (started && target) {
        link.textContent = "Ga verder met: " + target.textContent;
        link.setAttribute("href", target.getAttribute("href"));
      } else if (started) {
        link.textContent = "Je hebt alle modules afgerond";
        link.setAttribute("href", link.getAttribute("data-kb-start-href"));
      } else {
        link.textContent = link.getAttribute("data-kb-start");
        link.setAttribute("href", link.getAttribute("data-kb-start-href"));
      }
    });
    all(root, "[data-kb-course-progress]").forEach(function (line) {
      var keys = keysOf(line.closest("[data-kb-modules]"), "data-kb-modules");
      var count = countDone(keys, done);
      line.textContent = count === keys.length
        ? "Je voortgang: alle modules afgerond"
        : "Je voortgang: " + count + " van " + keys.length + " modules afgerond";
      line.hidden = count === 0;
    });
  }

  function setupReset(root, button) {
    var status = button.parentElement.querySelector("[data-kb-reset-status]");
    button.addEventListener("click", function () {
      var keys = keysOf(button, "data-kb-reset");
      var done = loadDone();
      if (keys.length) {
        keys.forEach(function (key) { delete done[key]; });
      } else {
        done = {};
      }
      saveDone(done);
      showCourseProgress(root);
      if (status) {
        status.textContent = "Je voortgang is gewist.";
      }
    });
  }

  /* ---------- catalogue filters ---------- */

  function setupFilters(form) {
    var root = form.ownerDocument;
    var selects = all(form, "[data-kb-filter]");
    var courses = all(root, ".kb-course");
    var count = root.querySelector("[data-kb-filter-count]");
    var empty = root.querySelector("[data-kb-filter-empty]");
    function apply() {
      var shown = 0;
      courses.forEach(function (course) {
        var match = selects.every(function (select) {
          var wanted = select.value;
          return !wanted || keysOf(course, "data-" + select.getAttribute("data-kb-filter")).indexOf(wanted) !== -1;
        });
        course.hidden = !match;
        shown += match ? 1 : 0;
      });
      count.textContent = shown + (shown === 1 ? " cursus" : " cursussen") +
        (shown === courses.length ? "" : " van de " + courses.length);
      empty.hidden = shown !== 0;
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    // The form's reset button restores the selects after this event; apply then.
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  /* ---------- wiring ---------- */

  function init() {
    var root = document;
    all(root, "[data-kb-toets]:not([data-kb-ready])").forEach(function (box) {
      box.setAttribute("data-kb-ready", "");
      setupSelfCheck(box);
    });
    all(root, "[data-kb-filters]:not([data-kb-ready])").forEach(function (form) {
      form.setAttribute("data-kb-ready", "");
      setupFilters(form);
    });
    if (!storageAvailable()) {
      return; // progress controls stay hidden: they could not remember anything
    }
    all(root, ".kb-module-done:not([data-kb-ready])").forEach(function (box) {
      box.setAttribute("data-kb-ready", "");
      setupDoneButton(box);
    });
    all(root, "[data-kb-reset]:not([data-kb-ready])").forEach(function (button) {
      button.setAttribute("data-kb-ready", "");
      setupReset(root, button);
    });
    all(root, "[data-kb-progress-box], [data-kb-privacy]").forEach(function (box) { box.hidden = false; });
    showCourseProgress(root);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
