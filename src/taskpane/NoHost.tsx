import { Body1, FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";

/** What the pane shows when it is opened outside Excel. */
export function NoHost() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16, display: "grid", gap: 12 }}>
        <Title3 as="h1">Balanced Scorecard</Title3>
        <Body1 as="p">
          This is the Balanced Scorecard add-in&apos;s task pane. Open it in Excel: Home &gt; Scorecard. To
          sideload it, see the README (Excel on Windows, Mac and the web).
        </Body1>
        <Body1 as="p">
          Without Excel, score a workbook with the command line: <code>npm run bsc -- refresh book.xlsx</code>
          .
        </Body1>
      </main>
    </FluentProvider>
  );
}
