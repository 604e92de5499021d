// The development server's response headers: none beyond webpack-dev-server's own, except on the
// add-in's icons. Excel loads the pane and its scripts as pages of https://localhost:3000, which
// need no CORS header, so there is no "Access-Control-Allow-Origin: *" (Office's templates send
// it for custom functions' metadata, which this add-in has none of). But Excel on the web draws
// the ribbon's icons from the manifest's URLs in its own page, cross-origin and with credentials
// ("Ribbon Images Not Shown During Localhost Development Due To CORs", OfficeDev/office-js issue
// 2467): an icon gets the Office origin that asked for it back (a wildcard is refused with
// credentials) and a Cross-Origin-Resource-Policy that lets another site show it, where
// webpack-dev-server would otherwise send "same-origin" for every file.

/** Office on the web's own origins (Excel on the web, Microsoft 365, SharePoint-hosted files). */
const OFFICE_WEB_ORIGIN =
  /^https:\/\/([a-z0-9-]+\.)*(officeapps\.live\.com|office\.com|office365\.com|cloud\.microsoft|sharepoint\.com)$/i;

/** The icons the manifest names: pictures in assets/. */
const ICON = /^\/assets\/[^/]+\.(png|svg|ico|jpe?g|gif)$/i;

/** Headers for one request: only an icon's, and an Office origin's, get any. */
function devServerHeaders(req) {
  const path = (req.url || "").split("?")[0];
  if (!ICON.test(path)) return {};
  const origin = req.headers && req.headers.origin;
  const cors =
    typeof origin === "string" && OFFICE_WEB_ORIGIN.test(origin)
      ? { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true" }
      : {};
  return { ...cors, Vary: "Origin", "Cross-Origin-Resource-Policy": "cross-origin" };
}

module.exports = { devServerHeaders, OFFICE_WEB_ORIGIN };
