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
// Styles may be inline: Fluent's FluentProvider writes the theme's CSS variables into <style>
// elements at run time (the components' own styles are the add-in's stylesheet, griffel.css, which
// 'self' allows: ADR 21), and office.js sets inline styles in Excel on the web (OfficeDev/office-js
// issue 1687).
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
    // The preview's workbook worker (src/taskpane/preview/startPackageWorker.ts), a script of the
    // add-in's own: said apart, so that no blob: or remote worker falls back on script-src.
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? `connect-src 'self' ${DEV_SERVER_SOCKET}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * A page copied as it is (assets/*.html) with the policy put in: right after its <meta charset>,
 * else at the top of its <head>, before anything it loads. A page that states a policy of its
 * own keeps it (a static page may be stricter still: the help page allows no script at all).
 */
function withContentSecurityPolicy(html, policy) {
  if (/http-equiv\s*=\s*["']?Content-Security-Policy/i.test(html)) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const charset = /<meta\s+charset\s*=[^>]*>/i.exec(html);
  if (charset)
    return (
      html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length)
    );
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error("a copied page has no <head> to put its Content-Security-Policy in");
  return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
}

module.exports = { OFFICE_JS_ORIGIN, contentSecurityPolicy, withContentSecurityPolicy };
