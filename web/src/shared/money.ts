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
