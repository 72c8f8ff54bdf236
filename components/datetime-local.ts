import { format, parse } from 'date-fns';

// <input type="datetime-local"> reads and writes local wall-clock time as "2026-03-10T14:00", with
// minute resolution, so these helpers work in the browser's time zone.

const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** Formats an instant as the value of a datetime-local input. */
export function toDateTimeLocal(date: Date): string {
  return format(date, INPUT_FORMAT);
}

/** Parses a datetime-local value as local time. An empty or malformed value gives an invalid Date. */
export function fromDateTimeLocal(value: string): Date {
  return parse(value, INPUT_FORMAT, new Date(0));
}

/** Returns the browser's IANA time zone name, such as Europe/Oslo, for labels next to local times. */
export function localTimeZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
