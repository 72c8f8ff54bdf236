import { addYears, endOfDay } from 'date-fns';
import type { ValidityPeriod } from './gravitee/types';

/**
 * The default validity of an acceptance: from now until the end of the same local calendar day one
 * year ahead. date-fns works in the browser's time zone and clamps 29 February to 28 February.
 */
export function defaultValidity(now: Date): ValidityPeriod {
  return { startingAt: now, endingAt: endOfDay(addYears(now, 1)) };
}

export type ValidityProblem = 'end-not-after-start' | 'end-in-past' | 'invalid-date';

/**
 * Checks a validity period before it is sent. Gravitee accepts an end before the start, or one in
 * the past, without complaint, so Gatekeeper must refuse them.
 */
export function validateValidity(period: ValidityPeriod, now: Date): ValidityProblem | null {
  if (Number.isNaN(period.startingAt.getTime())) return 'invalid-date';
  if (period.endingAt === null) return null;
  if (Number.isNaN(period.endingAt.getTime())) return 'invalid-date';
  if (period.endingAt.getTime() <= period.startingAt.getTime()) return 'end-not-after-start';
  if (period.endingAt.getTime() <= now.getTime()) return 'end-in-past';
  return null;
}
