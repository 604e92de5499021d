/**
 * The custom functions' entry (functions.js, which the manifest names): in the shared runtime the
 * task pane's page loads it beside the pane and the ribbon's script. The functions themselves
 * load only where Excel has the custom functions runtime (CustomFunctionsRuntime 1.1), checked as
 * the other requirement sets are: the same page opened outside Excel (the browser preview), or in
 * an Excel without custom functions, never loads them.
 */
import { hostSupports } from "../workbook/office/requirements";

if (typeof Office !== "undefined") {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel && hostSupports("CustomFunctionsRuntime", "1.1"))
      void import(/* webpackChunkName: "bsc-functions" */ "./functions.js");
  });
}
