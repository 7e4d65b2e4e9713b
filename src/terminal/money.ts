/**
 * Deal values in the journal's currency (config `currency`): `$48,000`, `€1,250.50`, `¥9,000`.
 * Whole amounts show no cents. The formatters are made once per currency: building one costs far
 * more than using it, and a list formats every deal.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${currency}/${whole}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, ...(whole ? { maximumFractionDigits: 0 } : {}) });
    formatters.set(key, format);
  }
  return format;
}

export function formatMoney(value: number, currency: string): string {
  const cents = Math.round(value * 100) / 100;
  return formatter(currency, Number.isInteger(cents)).format(cents);
}
