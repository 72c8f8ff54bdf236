import { validateCustomRange } from '@/lib/presets/custom-range';

describe('validateCustomRange', () => {
  const now = new Date('2026-05-04T10:15:42.000Z');
  const at = (iso: string) => new Date(iso);

  it('accepts future range', () => {
    expect(validateCustomRange({ startingAt: at('2026-05-05T00:00:00.000Z'), endingAt: at('2026-06-01T00:00:00.000Z') }, now)).toEqual([]);
  });

  it('accepts no end date', () => {
    expect(validateCustomRange({ startingAt: now, endingAt: null }, now)).toEqual([]);
  });

  it('accepts start in current minute', () => {
    expect(validateCustomRange({ startingAt: at('2026-05-04T10:15:00.000Z'), endingAt: null }, now)).toEqual([]);
  });

  it('rejects start before current minute', () => {
    expect(validateCustomRange({ startingAt: at('2026-05-04T10:14:59.999Z'), endingAt: null }, now)).toEqual(['start-in-past']);
  });

  it('rejects end equal to start', () => {
    const start = at('2026-05-05T00:00:00.000Z');
    expect(validateCustomRange({ startingAt: start, endingAt: start }, now)).toEqual(['end-not-after-start']);
  });

  it('rejects end before start', () => {
    const range = { startingAt: at('2026-06-01T00:00:00.000Z'), endingAt: at('2026-05-20T00:00:00.000Z') };
    expect(validateCustomRange(range, now)).toEqual(['end-not-after-start']);
  });

  it('rejects end in past', () => {
    const range = { startingAt: at('2026-05-04T10:15:00.000Z'), endingAt: at('2026-05-04T10:15:30.000Z') };
    expect(validateCustomRange(range, now)).toEqual(['end-in-past']);
  });

  it('reports every problem at once', () => {
    const range = { startingAt: at('2026-01-01T00:00:00.000Z'), endingAt: at('2025-12-01T00:00:00.000Z') };
    expect(validateCustomRange(range, now)).toEqual(['start-in-past', 'end-not-after-start', 'end-in-past']);
  });

  it('rejects invalid dates', () => {
    expect(validateCustomRange({ startingAt: at('not a date'), endingAt: at('2026-06-01T00:00:00.000Z') }, now)).toEqual(['invalid-start']);
    expect(validateCustomRange({ startingAt: now, endingAt: at('also not a date') }, now)).toEqual(['invalid-end']);
  });
});
