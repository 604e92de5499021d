// Fluent's light theme. The build puts its tokens here as plain values (scripts/theme-tokens.js):
// Fluent builds each theme at run time from its palettes, 6 KB gzipped of the first load for one
// theme and 7 KB for both, where the light theme's 459 values are 3.5 KB. The pane's tests, which
// do not go through webpack, read Fluent's own.
import { webLightTheme, type Theme } from "@fluentui/react-components";

export const lightTheme: Theme = webLightTheme;
