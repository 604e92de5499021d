/**
 * Text bound for a terminal. A KPI or sheet name is the user's (or a stranger's) text: an escape
 * sequence in it (ESC ] 0; … retitles the window, ESC [ 2 J clears the screen, U+009B is a
 * one-character CSI) or a bidirectional override (U+202E turns the rest of the line around) would
 * act on the terminal instead of being read. Every such character is shown as a visible escape.
 */

/**
 * C0 controls but tab and line feed (which bsc's own lines use), DEL, the C1 controls, and the
 * bidirectional and zero-width formatting characters that change how a line reads.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- these are the characters this module exists for
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

const hex = (c: string, width: number): string =>
  c.charCodeAt(0).toString(16).toUpperCase().padStart(width, "0");

/** Each unsafe character as \xHH (below U+0100) or \uHHHH: "\x1B]0;title\x07". */
export const terminalSafe = (text: string): string =>
  text.replace(UNSAFE, (c) => (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));

/**
 * A JSON document with the same characters written as JSON escapes (JSON.stringify escapes only
 * the C0 controls): still the same document to a parser, and inert on a terminal. They can only
 * stand inside strings, where \uHHHH means the character itself.
 */
export const jsonTerminalSafe = (json: string): string => json.replace(UNSAFE, (c) => `\\u${hex(c, 4)}`);
