import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { SharedRuntimeWorkbook } from "../workbook/office/sharedRuntime";
import type { RangeRef } from "../workbook/port";
import { App } from "./App";

const prefersDark = (): boolean => window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;

/** Office's theme, as a Fluent theme: dark where the Office body background is dark. */
function officeTheme(): Theme {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  const hex = /^#?([0-9a-f]{6})$/i.exec(background ?? "")?.[1];
  if (!hex) return prefersDark() ? webDarkTheme : webLightTheme;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? webDarkTheme : webLightTheme;
}

const root = createRoot(document.getElementById("root") as HTMLElement);

/** The page itself in the theme's colours, below and around the pane's content. */
function paintPage(theme: Theme): Theme {
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  document.documentElement.style.colorScheme = theme === webDarkTheme ? "dark" : "light";
  return theme;
}

/** Outside Excel the pane opens .xlsx files instead; ExcelJS loads only then. */
async function startPreview(): Promise<void> {
  const { PreviewApp } = await import(/* webpackChunkName: "preview" */ "./preview/PreviewApp.js");
  root.render(<PreviewApp theme={paintPage(prefersDark() ? webDarkTheme : webLightTheme)} />);
}

if (typeof Office === "undefined") void startPreview();
else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      void startPreview();
      return;
    }
    // Its writes are announced to the custom functions, which share this page (sharedRuntime.ts).
    const port = new SharedRuntimeWorkbook();
    const showInputs = port.canSelectInputs ? (ref: RangeRef) => port.selectInputs(ref) : undefined;
    root.render(<App port={port} theme={paintPage(officeTheme())} showInputs={showInputs} />);
  });
}
