// The benchmark's baseline: ExcelJS alone reading a workbook and writing it back, as a whole
// process of its own (plain JavaScript, so that no compiler's start-up or memory is counted).
const ExcelJS = require("exceljs");

async function main() {
  const [input, output] = process.argv.slice(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
