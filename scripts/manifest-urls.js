// The manifest names the development server; a production build points it at the real host.
const DEV_URL = "https://localhost:3000/";

/** Why a release build stops when it does not know where the add-in will be hosted. */
const MISSING_PRODUCTION_URL =
  "npm run build makes the release build, whose manifest must name where the add-in is hosted: " +
  "set BSC_PRODUCTION_URL to that https address (BSC_PRODUCTION_URL=https://your.host/path/ npm run build), " +
  "or run npm run build:dev for a build served from this machine.";

/**
 * A build set up wrongly: webpack-cli prints an error's stack, and this one's is its sentence
 * alone, for the one who runs the build needs what to do, not where in the config it was found.
 */
class BuildSetupError extends Error {
  constructor(message) {
    super(message);
    this.stack = `Error: ${message}`;
  }
}

/** BSC_PRODUCTION_URL, with a trailing slash; Office requires https. Never a placeholder host. */
function productionUrl(env = process.env) {
  const url = (env.BSC_PRODUCTION_URL || "").trim();
  if (url === "") throw new BuildSetupError(MISSING_PRODUCTION_URL);
  if (!url.startsWith("https://"))
    throw new BuildSetupError(`BSC_PRODUCTION_URL must be an https address, not ${url}.`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** Full URLs move to the production folder; a bare origin (AppDomain) to the production origin. */
function rewriteManifest(xml, url) {
  return xml.split(DEV_URL).join(url).split(DEV_URL.replace(/\/$/, "")).join(new URL(url).origin);
}

module.exports = { DEV_URL, MISSING_PRODUCTION_URL, productionUrl, rewriteManifest };
