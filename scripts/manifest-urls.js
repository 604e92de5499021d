// The manifest names the development server; a production build points it at the real host.
const DEV_URL = "https://localhost:3000/";

/** BSC_PRODUCTION_URL, with a trailing slash; Office requires https. */
function productionUrl(env = process.env) {
  const url = env.BSC_PRODUCTION_URL || "https://www.contoso.com/";
  if (!url.startsWith("https://")) throw new Error(`BSC_PRODUCTION_URL must be an https address, not ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** Full URLs move to the production folder; a bare origin (AppDomain) to the production origin. */
function rewriteManifest(xml, url) {
  return xml.split(DEV_URL).join(url).split(DEV_URL.replace(/\/$/, "")).join(new URL(url).origin);
}

module.exports = { DEV_URL, productionUrl, rewriteManifest };
