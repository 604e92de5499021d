/** Saves bytes as a file through the browser's download. */
export function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The refreshed copy's name: a macro-enabled workbook stays one, as Excel opens it only so. */
export const downloadName = (fileName: string): string =>
  /\.xlsm$/i.test(fileName)
    ? fileName.replace(/\.xlsm$/i, ".scorecard.xlsm")
    : fileName.replace(/(\.xlsx)?$/i, ".scorecard.xlsx");
