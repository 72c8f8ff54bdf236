import { builtinPresets, oneYearPreset } from '@/lib/presets/builtins';
import { computeValidity } from '@/lib/presets/compute';
import { START_KINDS, type PresetEnd, type StartKind } from '@/lib/presets/model';
import { defaultValidity, validateValidity } from '@/lib/validity';

interface Case {
  name: string;
  zone: string;
  /** The acceptance instant, in UTC. */
  now: string;
  start: StartKind;
  end: PresetEnd;
  expectedStart: string;
  expectedEnd: string | null;
}

const days = (amount: number): PresetEnd => ({ kind: 'duration', amount, unit: 'days' });
const months = (amount: number): PresetEnd => ({ kind: 'duration', amount, unit: 'months' });
const years = (amount: number): PresetEnd => ({ kind: 'duration', amount, unit: 'years' });
const semester: PresetEnd = { kind: 'calendar', anchors: [{ month: 6, day: 30 }, { month: 12, day: 31 }] };
const endOfYear: PresetEnd = { kind: 'calendar', anchors: [{ month: 12, day: 31 }] };

// Offsets used below: Oslo is UTC+1 (CET) in winter and UTC+2 (CEST) from 29 March to 25 October
// 2026. Auckland is UTC+13 (NZDT) until 5 April 2026 and UTC+12 (NZST) until 27 September 2026.
// Los Angeles is UTC-8 (PST) in winter and UTC-7 (PDT) from 8 March to 1 November 2026.
const cases: Case[] = [
  // Europe/Oslo, spring change on 29 March 2026: that local day has 23 hours.
  { name: 'Oslo 1 day over spring change', zone: 'Europe/Oslo', now: '2026-03-28T11:00:00.000Z', start: 'now', end: days(1),
    expectedStart: '2026-03-28T11:00:00.000Z', expectedEnd: '2026-03-29T21:59:59.999Z' },
  { name: 'Oslo next day on spring change', zone: 'Europe/Oslo', now: '2026-03-28T11:00:00.000Z', start: 'next-day', end: days(1),
    expectedStart: '2026-03-28T23:00:00.000Z', expectedEnd: '2026-03-30T21:59:59.999Z' },
  // Europe/Oslo, autumn change on 25 October 2026: that local day has 25 hours.
  { name: 'Oslo 1 day over autumn change', zone: 'Europe/Oslo', now: '2026-10-24T10:00:00.000Z', start: 'now', end: days(1),
    expectedStart: '2026-10-24T10:00:00.000Z', expectedEnd: '2026-10-25T22:59:59.999Z' },
  { name: 'Oslo next day 30 days over autumn change', zone: 'Europe/Oslo', now: '2026-10-24T18:00:00.000Z', start: 'next-day', end: days(30),
    expectedStart: '2026-10-24T22:00:00.000Z', expectedEnd: '2026-11-24T22:59:59.999Z' },
  // Month ends and leap years clamp to the last day of the target month.
  { name: 'Oslo 31 January + 1 month', zone: 'Europe/Oslo', now: '2026-01-31T09:00:00.000Z', start: 'now', end: months(1),
    expectedStart: '2026-01-31T09:00:00.000Z', expectedEnd: '2026-02-28T22:59:59.999Z' },
  { name: 'Oslo 31 January + 1 month in leap year', zone: 'Europe/Oslo', now: '2028-01-31T09:00:00.000Z', start: 'now', end: months(1),
    expectedStart: '2028-01-31T09:00:00.000Z', expectedEnd: '2028-02-29T22:59:59.999Z' },
  { name: 'Oslo 29 February + 1 year', zone: 'Europe/Oslo', now: '2028-02-29T11:00:00.000Z', start: 'now', end: years(1),
    expectedStart: '2028-02-29T11:00:00.000Z', expectedEnd: '2029-02-28T22:59:59.999Z' },
  { name: 'Oslo 29 February + 1 month', zone: 'Europe/Oslo', now: '2028-02-29T11:00:00.000Z', start: 'now', end: months(1),
    expectedStart: '2028-02-29T11:00:00.000Z', expectedEnd: '2028-03-29T21:59:59.999Z' },
  // Start kinds.
  { name: 'Oslo next week from Wednesday', zone: 'Europe/Oslo', now: '2026-03-25T09:00:00.000Z', start: 'next-week', end: { kind: 'none' },
    expectedStart: '2026-03-29T22:00:00.000Z', expectedEnd: null },
  { name: 'Oslo next month from 31 January', zone: 'Europe/Oslo', now: '2026-01-31T09:00:00.000Z', start: 'next-month', end: months(1),
    expectedStart: '2026-01-31T23:00:00.000Z', expectedEnd: '2026-03-01T22:59:59.999Z' },
  { name: 'Oslo next month across new year', zone: 'Europe/Oslo', now: '2026-12-15T12:00:00.000Z', start: 'next-month', end: { kind: 'none' },
    expectedStart: '2026-12-31T23:00:00.000Z', expectedEnd: null },
  // Calendar anchors clamp 29 February and skip an anchor on the start day itself.
  { name: 'Oslo 29 February anchor in common year', zone: 'Europe/Oslo', now: '2027-01-10T09:00:00.000Z', start: 'now',
    end: { kind: 'calendar', anchors: [{ month: 2, day: 29 }] }, expectedStart: '2027-01-10T09:00:00.000Z', expectedEnd: '2027-02-28T22:59:59.999Z' },
  { name: 'Oslo clamped anchor on start day', zone: 'Europe/Oslo', now: '2027-02-28T09:00:00.000Z', start: 'now',
    end: { kind: 'calendar', anchors: [{ month: 2, day: 29 }] }, expectedStart: '2027-02-28T09:00:00.000Z', expectedEnd: '2028-02-29T22:59:59.999Z' },
  { name: 'Oslo 31 June anchor clamps to 30 June', zone: 'Europe/Oslo', now: '2026-05-01T09:00:00.000Z', start: 'now',
    end: { kind: 'calendar', anchors: [{ month: 6, day: 31 }] }, expectedStart: '2026-05-01T09:00:00.000Z', expectedEnd: '2026-06-30T21:59:59.999Z' },

  // Pacific/Auckland, far east of UTC: the local day is often the next UTC day.
  { name: 'Auckland 1 day over April change', zone: 'Pacific/Auckland', now: '2026-04-03T23:00:00.000Z', start: 'now', end: days(1),
    expectedStart: '2026-04-03T23:00:00.000Z', expectedEnd: '2026-04-05T11:59:59.999Z' },
  { name: 'Auckland semester the day before anchor', zone: 'Pacific/Auckland', now: '2026-06-29T11:59:00.000Z', start: 'now', end: semester,
    expectedStart: '2026-06-29T11:59:00.000Z', expectedEnd: '2026-06-30T11:59:59.999Z' },
  { name: 'Auckland semester on anchor day', zone: 'Pacific/Auckland', now: '2026-06-29T22:00:00.000Z', start: 'now', end: semester,
    expectedStart: '2026-06-29T22:00:00.000Z', expectedEnd: '2026-12-31T10:59:59.999Z' },
  { name: 'Auckland semester the day after anchor', zone: 'Pacific/Auckland', now: '2026-06-30T12:30:00.000Z', start: 'now', end: semester,
    expectedStart: '2026-06-30T12:30:00.000Z', expectedEnd: '2026-12-31T10:59:59.999Z' },
  { name: 'Auckland next day over September change', zone: 'Pacific/Auckland', now: '2026-09-26T00:00:00.000Z', start: 'next-day', end: days(1),
    expectedStart: '2026-09-26T12:00:00.000Z', expectedEnd: '2026-09-28T10:59:59.999Z' },

  // America/Los_Angeles, west of UTC: the local day is often the previous UTC day.
  { name: 'Los Angeles 1 day over March change', zone: 'America/Los_Angeles', now: '2026-03-07T20:00:00.000Z', start: 'now', end: days(1),
    expectedStart: '2026-03-07T20:00:00.000Z', expectedEnd: '2026-03-09T06:59:59.999Z' },
  { name: 'Los Angeles end of year the day before anchor', zone: 'America/Los_Angeles', now: '2026-12-31T04:00:00.000Z', start: 'now', end: endOfYear,
    expectedStart: '2026-12-31T04:00:00.000Z', expectedEnd: '2027-01-01T07:59:59.999Z' },
  { name: 'Los Angeles end of year on anchor day', zone: 'America/Los_Angeles', now: '2027-01-01T04:00:00.000Z', start: 'now', end: endOfYear,
    expectedStart: '2027-01-01T04:00:00.000Z', expectedEnd: '2028-01-01T07:59:59.999Z' },
  { name: 'Los Angeles next week from Sunday', zone: 'America/Los_Angeles', now: '2026-11-01T18:00:00.000Z', start: 'next-week', end: days(7),
    expectedStart: '2026-11-02T08:00:00.000Z', expectedEnd: '2026-11-10T07:59:59.999Z' },
  { name: 'Los Angeles next week from Monday', zone: 'America/Los_Angeles', now: '2026-11-02T17:00:00.000Z', start: 'next-week', end: { kind: 'none' },
    expectedStart: '2026-11-09T08:00:00.000Z', expectedEnd: null },
  { name: 'Los Angeles next month on November change', zone: 'America/Los_Angeles', now: '2026-10-15T19:00:00.000Z', start: 'next-month', end: { kind: 'none' },
    expectedStart: '2026-11-01T07:00:00.000Z', expectedEnd: null },
];

describe('computeValidity', () => {
  it.each(cases)('$name', ({ zone, now, start, end, expectedStart, expectedEnd }) => {
    const period = computeValidity({ start, end }, new Date(now), zone);
    expect(period.startingAt.toISOString()).toBe(expectedStart);
    expect(period.endingAt?.toISOString() ?? null).toBe(expectedEnd);
  });

  it('returns plain dates that print as UTC', () => {
    const period = computeValidity({ start: 'next-day', end: days(1) }, new Date('2026-03-28T11:00:00.000Z'), 'Pacific/Auckland');
    expect(period.startingAt.constructor).toBe(Date);
    expect(period.endingAt?.constructor).toBe(Date);
    expect(period.endingAt?.toISOString()).toMatch(/Z$/);
  });

  it('ends at local day end, not after 24 hours', () => {
    const now = new Date('2026-03-28T11:00:00.000Z');
    const period = computeValidity({ start: 'now', end: days(1) }, now, 'Europe/Oslo');
    const hours = ((period.endingAt?.getTime() ?? 0) - now.getTime()) / 3_600_000;
    // 12 hours left of 28 March, then a 23-hour 29 March, minus the last millisecond.
    expect(hours).toBeCloseTo(35, 3);
  });

  it('uses the process time zone without a zone argument', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Europe/Oslo';
    try {
      const period = computeValidity({ start: 'now', end: days(1) }, new Date('2026-03-28T11:00:00.000Z'));
      expect(period.endingAt?.toISOString()).toBe('2026-03-29T21:59:59.999Z');
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('rejects invalid now', () => {
    expect(() => computeValidity({ start: 'now', end: endOfYear }, new Date('not a date'), 'Europe/Oslo')).toThrow(/valid `now`/);
  });

  it('rejects unknown time zone', () => {
    expect(() => computeValidity({ start: 'now', end: days(1) }, new Date(), 'Nowhere/Bogus')).toThrow(RangeError);
    expect(() => computeValidity({ start: 'now', end: days(1) }, new Date(), 'Nowhere/Bogus')).toThrow(/Nowhere\/Bogus/);
  });
});

describe('computeValidity with every built-in', () => {
  const instants = ['2026-03-28T23:30:00.000Z', '2026-06-30T11:00:00.000Z', '2026-12-31T23:59:59.999Z', '2028-02-29T12:00:00.000Z'];
  const zones = ['Europe/Oslo', 'Pacific/Auckland', 'America/Los_Angeles', 'UTC'];

  it('always passes validateValidity', () => {
    for (const preset of builtinPresets()) {
      for (const start of START_KINDS) {
        for (const zone of zones) {
          for (const instant of instants) {
            const now = new Date(instant);
            const period = computeValidity({ start, end: preset.end }, now, zone);
            expect(validateValidity(period, now), `${preset.id} ${start} ${zone} ${instant}`).toBeNull();
          }
        }
      }
    }
  });

  it('matches defaultValidity for 1 year', () => {
    for (const instant of instants) {
      const now = new Date(instant);
      expect(computeValidity(oneYearPreset(), now)).toEqual(defaultValidity(now));
    }
  });
});
