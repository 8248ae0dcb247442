// Money travels as integers in the currency's minor unit; forms show major units.

export function currencyDigits(currency: string | undefined): number {
  if (!currency) return 2;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function minorToMajor(minor: number | null | undefined, currency: string | undefined): number | null {
  if (minor === null || minor === undefined) return null;
  return minor / 10 ** currencyDigits(currency);
}

export function majorToMinor(major: number | null | undefined, currency: string | undefined): number | null {
  if (major === null || major === undefined || Number.isNaN(major)) return null;
  return Math.round(major * 10 ** currencyDigits(currency));
}

export function formatMoney(minor: number | null | undefined, currency: string | undefined, locale: string): string {
  const major = minorToMajor(minor, currency);
  if (major === null) return '';
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency || 'USD' }).format(major);
  } catch {
    return String(major);
  }
}

export const CURRENCIES = ['KRW', 'CNY', 'USD', 'EUR', 'JPY', 'HKD', 'TWD', 'SGD', 'VND', 'GBP'];

export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  return zones.length ? zones : ['Asia/Seoul', 'Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin'];
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * A decimal that travels as text ("9000.00", "12.5000") shown for people without floating point:
 * the whole part grouped the locale's way, the fraction cut to its last non-zero digit but kept to
 * at least `minFraction` digits (0 for won, 2 for dollars): "9000.00" → "9,000" in KRW,
 * "12.5000" → "12.5", "1234.5" → "1,234.50" in USD.
 */
export function formatDecimalText(value: string | null | undefined, minFraction: number, locale: string): string {
  if (value === null || value === undefined || value === '') return '';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, whole, fraction = ''] = match;
  let digits = fraction.replace(/0+$/, '');
  if (digits.length < minFraction) digits = digits.padEnd(minFraction, '0');
  const grouped = new Intl.NumberFormat(locale).format(BigInt(whole));
  const separator = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${sign}${grouped}${digits ? separator + digits : ''}`;
}
