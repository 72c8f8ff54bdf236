import { dateLocale, formatCheckTime, formatDateTime, formatDateTimeWithZone, formatWaitDuration } from '@/lib/format';

// Dates are built from local components, so the expected strings hold in any time zone.

describe('formatDateTime', () => {
  it('formats in English', () => {
    expect(formatDateTime(new Date(2026, 0, 5, 14, 30), 'en')).toBe('Jan 5, 2026, 2:30 PM');
  });

  it('formats in Norwegian with a 24-hour clock', () => {
    expect(formatDateTime(new Date(2026, 0, 5, 14, 30), 'nb')).toBe('5. jan. 2026 14:30');
  });
});

describe('formatDateTimeWithZone', () => {
  it('appends the UTC offset of that date', () => {
    const date = new Date(2026, 6, 1, 9, 0);
    const offsetMinutes = -date.getTimezoneOffset();
    const hours = Math.trunc(Math.abs(offsetMinutes) / 60);
    const minutes = Math.abs(offsetMinutes) % 60;
    const sign = offsetMinutes < 0 ? '-' : '+';
    const expectedOffset = `GMT${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;

    expect(formatDateTimeWithZone(date, 'en')).toBe(`Jul 1, 2026, 9:00 AM ${expectedOffset}`);
  });
});

describe('formatCheckTime', () => {
  it('shows only the time on the same day', () => {
    expect(formatCheckTime(new Date(2026, 0, 5, 8, 5), new Date(2026, 0, 5, 17, 0), 'nb')).toBe('08:05');
  });

  it('shows the date on an earlier day', () => {
    expect(formatCheckTime(new Date(2026, 0, 4, 8, 5), new Date(2026, 0, 5, 17, 0), 'en')).toBe('Jan 4, 2026, 8:05 AM');
  });
});

describe('formatWaitDuration', () => {
  it('rounds down to whole units', () => {
    expect(formatWaitDuration(new Date(2026, 0, 5, 10, 0), new Date(2026, 0, 5, 10, 59), 'en')).toBe('59 minutes');
  });

  it('formats hours in Norwegian', () => {
    expect(formatWaitDuration(new Date(2026, 0, 5, 10, 0), new Date(2026, 0, 5, 13, 20), 'nb')).toBe('3 timer');
  });

  it('formats days', () => {
    expect(formatWaitDuration(new Date(2026, 0, 1, 10, 0), new Date(2026, 0, 5, 9, 0), 'en')).toBe('3 days');
  });
});

describe('dateLocale', () => {
  it('maps languages to date-fns locales', () => {
    expect(dateLocale('nb').code).toBe('nb');
    expect(dateLocale('en').code).toBe('en-US');
  });
});
