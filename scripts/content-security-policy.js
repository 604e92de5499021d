// The Content-Security-Policy every page the add-in serves carries, as a <meta> tag at the top of
// its <head> (webpack.config.js hands it to each page's template): scripts from the add-in's own
// origin and office.js from Microsoft's CDN, nothing else remote.
//
// Microsoft documents one place for office.js: "The Office JavaScript API library can be accessed
// via the Office JS content delivery network (CDN) at https://appsforoffice.microsoft.com/lib/1/hosted/office.js"
// (learn.microsoft.com/office/dev/add-ins/develop/understanding-the-javascript-api-for-office);
// office.js then loads its host-specific files from the same CDN folder. Microsoft publishes no
// list of what else a CSP must allow (OfficeDev/office-js issue 1005, "Document required CSP
// values", open), so nothing else is allowed: office.js's optional telemetry is refused.
// Styles may be inline: Fluent UI (Griffel) writes its styles into <style> elements at run time,
// and office.js sets inline styles in Excel on the web (OfficeDev/office-js issue 1687).
// frame-ancestors cannot be set from a <meta> tag, and must not be: Excel on the web frames the
// pane from Microsoft's own origins.

const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/** webpack-dev-server's live reload talks over a WebSocket to the page's own host (npm start). */
const DEV_SERVER_SOCKET = "wss://localhost:3000";

/** The policy for a production build, or for a development build served by `npm start`. */
function contentSecurityPolicy({ dev = false } = {}) {
  return [
    "default-src 'none'",
    `script-src 'self' ${OFFICE_JS_ORIGIN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? `connect-src 'self' ${DEV_SERVER_SOCKET}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = { OFFICE_JS_ORIGIN, contentSecurityPolicy };
