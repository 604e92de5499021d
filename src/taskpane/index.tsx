import type { Theme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { SharedRuntimeWorkbook } from "../workbook/office/sharedRuntime";
import type { RangeRef } from "../workbook/port";
import { App } from "./App";
import { lightTheme } from "./themes/light";

const prefersDark = (): boolean => window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;

/** Whether Office is dark: its body background dark (the browser's preference where Office says none). */
function officeIsDark(): boolean {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  const hex = /^#?([0-9a-f]{6})$/i.exec(background ?? "")?.[1];
  if (!hex) return prefersDark();
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/**
 * The Fluent theme, light or dark. The dark one is a chunk of its own, fetched only where it is
 * used: a light Office (most) loads one theme, 3.6 KB gzipped less of the first load. Where that
 * chunk cannot be fetched, the pane is drawn light rather than not at all.
 */
async function paneTheme(dark: boolean): Promise<Theme> {
  if (!dark) return lightTheme;
  return import(/* webpackChunkName: "dark-theme" */ "./themes/dark.js").then(
    (module) => module.darkTheme,
    () => lightTheme,
  );
}

const root = createRoot(document.getElementById("root") as HTMLElement);

/** The page itself in the theme's colours, below and around the pane's content. */
function paintPage(theme: Theme): Theme {
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  document.documentElement.style.colorScheme = theme === lightTheme ? "light" : "dark";
  return theme;
}

/** Outside Excel the pane opens .xlsx files instead; ExcelJS loads only then. */
async function startPreview(): Promise<void> {
  const [{ PreviewApp }, theme] = await Promise.all([
    import(/* webpackChunkName: "preview" */ "./preview/PreviewApp.js"),
    paneTheme(prefersDark()),
  ]);
  root.render(<PreviewApp theme={paintPage(theme)} />);
}

/** In Excel: the pane drawn in Office's theme, once that theme is at hand. */
async function startInExcel(): Promise<void> {
  // Its writes are announced to the custom functions, which share this page (sharedRuntime.ts).
  const port = new SharedRuntimeWorkbook();
  const showInputs = port.canSelectInputs ? (ref: RangeRef) => port.selectInputs(ref) : undefined;
  const theme = paintPage(await paneTheme(officeIsDark()));
  root.render(<App port={port} theme={theme} showInputs={showInputs} />);
}

if (typeof Office === "undefined") void startPreview();
else {
  void Office.onReady((info) => {
    void (info.host === Office.HostType.Excel ? startInExcel() : startPreview());
  });
}
