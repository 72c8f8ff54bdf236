import { format, formatDistanceStrict, type Locale } from 'date-fns';
import { enUS, nb } from 'date-fns/locale';
import type { Language } from './i18n';

// date-fns formats in the browser's time zone, which is the zone the user reads dates in.

/** Returns the date-fns locale for one of Gatekeeper's languages. */
export function dateLocale(language: Language): Locale {
  return language === 'nb' ? nb : enUS;
}

/** Formats a date and time in the locale's medium style, e.g. "Jan 5, 2026, 10:30 AM" or "5. jan. 2026 10:30". */
export function formatDateTime(date: Date | number, language: Language): string {
  return format(date, 'PPp', { locale: dateLocale(language) });
}

/**
 * Formats a date and time with the UTC offset in force on that date, e.g. "Jan 5, 2026, 10:30 AM
 * GMT+1". The offset is per date because a year-long validity period crosses daylight saving time.
 */
export function formatDateTimeWithZone(date: Date | number, language: Language): string {
  return format(date, 'PPp O', { locale: dateLocale(language) });
}

/** Formats a time of day, with the date in front when it is not the same calendar day as now. */
export function formatCheckTime(date: Date | number, now: Date, language: Language): string {
  const locale = dateLocale(language);
  const sameDay = format(date, 'yyyy-MM-dd') === format(now, 'yyyy-MM-dd');
  return sameDay ? format(date, 'p', { locale }) : format(date, 'PPp', { locale });
}

/**
 * Formats how long ago `since` was, as a duration without "ago", e.g. "3 hours" or "3 timer".
 * Rounds down, so a request that has waited 59 minutes reads "59 minutes", not "1 hour".
 */
export function formatWaitDuration(since: Date | number, now: Date, language: Language): string {
  return formatDistanceStrict(since, now, { locale: dateLocale(language), roundingMethod: 'floor' });
}
