import { tz, TZDate } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  endOfDay,
  getDate,
  getMonth,
  getYear,
  startOfDay,
  startOfISOWeek,
  startOfMonth,
} from 'date-fns';
import type { ValidityPeriod } from '../gravitee/types';
import type { CalendarAnchor, DurationUnit, Preset, PresetEnd, StartKind } from './model';

// All calendar steps run in one time zone through date-fns' `in` context, so "end of day" and
// "next Monday" follow the user's wall clock across daylight-saving changes. Without a zone the
// context is omitted and date-fns uses the browser's own zone.

interface ZoneContext {
  in?: ReturnType<typeof tz>;
}

/**
 * Computes the validity period a preset gives when a request is accepted at `now`.
 * Both instants are plain `Date`s, so `toISOString()` yields the ISO-8601 UTC form Gravitee stores.
 * Throws RangeError when `now` is an invalid Date, or when `timeZone` is not an IANA zone name
 * that the browser's Intl supports.
 */
export function computeValidity(preset: Pick<Preset, 'start' | 'end'>, now: Date, timeZone?: string): ValidityPeriod {
  if (Number.isNaN(now.getTime())) throw new RangeError('computeValidity needs a valid `now`, but got an invalid Date.');
  const context = zoneContext(timeZone);
  const startingAt = computeStart(preset.start, now, context);
  const endingAt = computeEnd(preset.end, startingAt, context, timeZone);
  return { startingAt: toPlainDate(startingAt), endingAt: endingAt === null ? null : toPlainDate(endingAt) };
}

function zoneContext(timeZone: string | undefined): ZoneContext {
  if (timeZone === undefined) return {};
  // tz() accepts any string, and a bad zone fails later inside date-fns, so check here to name it.
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}": expected an IANA name such as Europe/Oslo.`);
  }
  return { in: tz(timeZone) };
}

function computeStart(kind: StartKind, now: Date, context: ZoneContext): Date {
  switch (kind) {
    case 'now':
      return now;
    case 'next-day':
      return startOfDay(addDays(now, 1, context), context);
    case 'next-week':
      // ISO weeks start on Monday, so the start of next ISO week is next Monday, even from a Monday.
      return startOfISOWeek(addWeeks(now, 1, context), context);
    case 'next-month':
      return startOfMonth(addMonths(now, 1, context), context);
  }
}

function computeEnd(end: PresetEnd, start: Date, context: ZoneContext, timeZone: string | undefined): Date | null {
  switch (end.kind) {
    case 'none':
      return null;
    case 'duration':
      return endOfDay(addDuration(start, end.amount, end.unit, context), context);
    case 'calendar':
      return endOfDay(nextAnchorDay(start, end.anchors, context, timeZone), context);
  }
}

// date-fns clamps month and year steps to the target month's last day: 31 January + 1 month is
// 28 or 29 February, and 29 February + 1 year is 28 February.
function addDuration(start: Date, amount: number, unit: DurationUnit, context: ZoneContext): Date {
  switch (unit) {
    case 'days':
      return addDays(start, amount, context);
    case 'weeks':
      return addWeeks(start, amount, context);
    case 'months':
      return addMonths(start, amount, context);
    case 'years':
      return addYears(start, amount, context);
  }
}

/**
 * Returns the first local day strictly after the start's local day that is one of the anchors.
 * Every anchor occurs again in the year after the start, so that year and the start's year contain the result.
 */
function nextAnchorDay(start: Date, anchors: readonly CalendarAnchor[], context: ZoneContext, timeZone: string | undefined): Date {
  const startYear = getYear(start, context);
  const startKey = dayKey(startYear, getMonth(start, context) + 1, getDate(start, context));

  let best: { year: number; month: number; day: number; key: number } | null = null;
  for (const year of [startYear, startYear + 1]) {
    for (const anchor of anchors) {
      const day = Math.min(anchor.day, daysInMonth(year, anchor.month));
      const key = dayKey(year, anchor.month, day);
      if (key > startKey && (best === null || key < best.key)) best = { year, month: anchor.month, day, key };
    }
  }

  // The schema requires at least one anchor, so an empty list can only come from unchecked input.
  if (best === null) throw new RangeError('A calendar end needs at least one anchor day.');
  return localMidnight(best.year, best.month, best.day, timeZone);
}

function dayKey(year: number, month: number, day: number): number {
  return year * 10_000 + month * 100 + day;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the following month is the last day of this one. Month lengths are the same in every zone.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function localMidnight(year: number, month: number, day: number, timeZone: string | undefined): Date {
  // Where daylight saving skips midnight, both constructors move forward to the first instant that
  // exists, which is still on the requested local day.
  return timeZone === undefined ? new Date(year, month - 1, day) : new TZDate(year, month - 1, day, timeZone);
}

// TZDate.toISOString() prints the zone's offset, but Gravitee expects UTC, so hand out plain Dates.
function toPlainDate(date: Date): Date {
  return new Date(date.getTime());
}
