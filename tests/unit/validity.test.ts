import { defaultValidity, validateValidity } from '@/lib/validity';

describe('defaultValidity', () => {
  it('ends at the end of the same local day one year ahead', () => {
    const now = new Date(2026, 11, 4, 9, 30);
    const period = defaultValidity(now);
    expect(period.startingAt).toEqual(now);
    expect(period.endingAt).toEqual(new Date(2027, 11, 4, 23, 59, 59, 999));
  });

  it('clamps 29 February to 28 February', () => {
    const period = defaultValidity(new Date(2028, 1, 29, 12, 0));
    expect(period.endingAt).toEqual(new Date(2029, 1, 28, 23, 59, 59, 999));
  });
});

describe('validateValidity', () => {
  const now = new Date('2026-12-04T10:00:00Z');

  it('accepts a future end after the start', () => {
    expect(validateValidity({ startingAt: now, endingAt: new Date('2027-01-01T00:00:00Z') }, now)).toBeNull();
  });

  it('accepts no end date', () => {
    expect(validateValidity({ startingAt: now, endingAt: null }, now)).toBeNull();
  });

  it('rejects an end before the start', () => {
    const start = new Date('2027-02-01T00:00:00Z');
    expect(validateValidity({ startingAt: start, endingAt: new Date('2027-01-01T00:00:00Z') }, now)).toBe('end-not-after-start');
  });

  it('rejects an end in the past', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(validateValidity({ startingAt: start, endingAt: new Date('2026-06-01T00:00:00Z') }, now)).toBe('end-in-past');
  });

  it('rejects an invalid date', () => {
    expect(validateValidity({ startingAt: new Date('nope'), endingAt: null }, now)).toBe('invalid-date');
  });
});
