/**
 * A number in the general style, as a cell without a number format shows it: digits grouped, two
 * decimals at most, a few significant digits for a small fraction ("120,000", "0.4567"). The one
 * rule for a number that has no cell format to follow: the engine's messages write amounts with it,
 * and app/numberFormat.ts draws a "General" cell with it.
 */
export function generalNumberFormatter(locale?: string): (value: number) => string {
  const small = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 });
  const large = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (value) => (Math.abs(value) < 10 && !Number.isInteger(value) ? small : large).format(value);
}

/** An amount in a message: "120,000", not "120000". */
export const amountText: (value: number) => string = generalNumberFormatter();
