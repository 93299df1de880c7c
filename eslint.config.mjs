// The site's own scripts run as classic scripts in the browser (no bundler, no modules), next to
// Material's bundle; they must also parse in older browsers officials use, so ES2020 is the ceiling.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["docs/javascripts/**/*.js", "kennisbank/outputs/search/assets/*.js",
      "overrides/assets/javascripts/kennisbank/diagrammen.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        // Material's bundle: RxJS-style observables for instant navigation.
        document$: "readonly",
        location$: "readonly",
        // lunr.js and its Dutch stemmer, loaded before the search scripts.
        lunr: "readonly",
        // The vendored Mermaid, loaded before diagrammen.js on pages with a diagram.
        mermaid: "readonly",
      },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: ["error", "smart"],
    },
  },
];
