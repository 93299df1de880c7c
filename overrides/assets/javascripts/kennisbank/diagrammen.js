/* Settings for the vendored Mermaid (loaded just before this file, only on pages with a diagram;
   Material's bundle then finds the global "mermaid" and draws every pre.mermaid with it instead of
   fetching Mermaid from unpkg.com).

   Diagram text is contributed, untrusted content. Every call of mermaid.initialize() (Material makes
   one with its colours) is held to these settings:
   - securityLevel "strict": no click callbacks, no javascript: links, labels cleaned by DOMPurify.
     Mermaid's default, but held here in case a Material release passes another level.
   - dompurifyConfig: labels also lose what makes a request (img, media, forms, style attributes with
     url()), since the site asks no other host for anything, also where no CSP is sent (file://).
   - secure: a diagram's own %%{init: …}%% directive cannot change the keys listed: Mermaid's own list,
     the purifier settings above, and the settings that become CSS (a url() in them would be fetched;
     Material's colours come through themeCSS, which the directive so cannot replace either).
     kennisbank check refuses such a url() in a diagram too (kennisbank/content/diagrams.py).
   - startOnLoad false: Mermaid would otherwise draw the diagrams itself on the load event, without
     Material's colours, next to Material's drawing. */
(function () {
  "use strict";
  if (typeof mermaid === "undefined" || mermaid instanceof Element) {
    return;
  }
  var HELD = {
    securityLevel: "strict",
    startOnLoad: false,
    dompurifyConfig: {
      FORBID_TAGS: ["style", "img", "image", "picture", "source", "video", "audio", "track", "iframe",
        "object", "embed", "form", "input", "button", "select", "textarea", "link", "meta"],
      FORBID_ATTR: ["style", "srcset", "background", "poster", "action", "formaction"],
    },
    secure: ["secure", "securityLevel", "startOnLoad", "maxTextSize", "suppressErrorRendering", "maxEdges",
      "dompurifyConfig", "themeCSS", "themeVariables", "fontFamily", "altFontFamily"],
  };
  var initialize = mermaid.initialize.bind(mermaid);
  mermaid.initialize = function (settings) {
    initialize(Object.assign({}, settings, HELD));
  };
  mermaid.initialize({});

  /* What Mermaid would fetch from elsewhere, outside labels: an image shape with an address on another host
     (A@{ img: "https://…" }), a CSS url() (style, classDef, linkStyle, %%{init}%%), or an escape or at-rule
     in a CSS statement. kennisbank check refuses the same (kennisbank/content/diagrams.py), and the
     site's CSP blocks it; this holds where neither did (a build without checks, a host without the CSP).
     Such a diagram is not drawn; a short Dutch note stands in its place. */
  var FETCHES = /\bimg\s*:\s*["']?(?:[a-z][a-z0-9+.-]*:|[\\/]{2})|\burl\s*\(/i;
  var CSS_ESCAPE = /^\s*(?:style|classDef|linkStyle)\b[^\n]*[\\@]/m;
  var render = mermaid.render.bind(mermaid);
  mermaid.render = function (id, text) {
    if (FETCHES.test(text) || CSS_ESCAPE.test(text)) {
      return Promise.resolve({ svg: note("Dit diagram wordt niet getoond: het zou een bestand van een andere " +
        "website laden.") });
    }
    /* A diagram with a mistake in its Mermaid code: a Dutch note and the code, instead of an uncaught error
       and a bare code block nobody explained. */
    return render.apply(null, arguments).catch(function () {
      return { svg: note("Dit diagram kon niet worden getekend: de Mermaid-code bevat een fout.", text) };
    });
  };

  function note(message, source) {
    var box = document.createElement("div");
    var text = document.createElement("p");
    text.textContent = message;
    box.append(text);
    if (source) {
      var code = document.createElement("pre");
      code.textContent = source;
      box.append(code);
    }
    return box.innerHTML;
  }
})();
