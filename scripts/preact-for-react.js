/**
 * The pane runs on Preact's compatibility layer instead of React and React DOM (docs/adr/0020):
 * the same components and Fluent UI, about 56 KB less to load before the pane is interactive.
 * webpack's aliases for the pane's build; jest maps the same names, so the tests render with what
 * ships. Exact names only ("$"), so "react-dom/client" is not read as "react-dom" + "/client".
 */
const PREACT_FOR_REACT = {
  react$: "preact/compat",
  "react/jsx-runtime$": "preact/jsx-runtime",
  "react/jsx-dev-runtime$": "preact/jsx-runtime",
  "react-dom$": "preact/compat",
  "react-dom/client$": "preact/compat/client",
  "react-dom/test-utils$": "preact/test-utils",
  // Fluent's context selector asks React's scheduler for a priority; Preact's stand-in runs at once.
  scheduler$: "preact/compat/scheduler",
};

/** The same names as jest's moduleNameMapper patterns. */
const preactModuleNames = () =>
  Object.fromEntries(
    Object.entries(PREACT_FOR_REACT).map(([name, preact]) => [`^${name.replace(/\$$/, "")}$`, preact]),
  );

module.exports = { PREACT_FOR_REACT, preactModuleNames };
