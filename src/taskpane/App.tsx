import { FluentProvider, Text, Title2, webLightTheme } from "@fluentui/react-components";

/** The task pane's frame. Its views (tables, tagging, the scorecard tree) are built on the WorkbookPort. */
export function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title2 as="h1">Balanced Scorecard</Title2>
        <Text as="p">
          Score the KPI tables of this workbook. Until the pane&apos;s views arrive, run{" "}
          <code>npm run bsc -- refresh</code> on the file.
        </Text>
      </main>
    </FluentProvider>
  );
}
