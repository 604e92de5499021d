// Fluent's dark theme, as plain values in the build (scripts/theme-tokens.js), in a chunk of its
// own: fetched only in a dark Office, before the pane's first paint (src/taskpane/index.tsx).
import { webDarkTheme, type Theme } from "@fluentui/react-components";

export const darkTheme: Theme = webDarkTheme;
