import { startOfMinute } from 'date-fns';
import type { ValidityPeriod } from '../gravitee/types';

export const CUSTOM_RANGE_PROBLEMS = ['invalid-start', 'invalid-end', 'start-in-past', 'end-not-after-start', 'end-in-past'] as const;

/** One reason a custom validity period cannot be sent. Its message key is `presets.custom.<problem>`. */
export type CustomRangeProblem = (typeof CUSTOM_RANGE_PROBLEMS)[number];

/**
 * Checks a validity period the user typed in, and returns every problem found, in the order of
 * CUSTOM_RANGE_PROBLEMS (empty when it can be sent). A null end means the subscription never ends.
 *
 * A start anywhere in the current minute counts as now, because date inputs have minute
 * resolution: a start of 10:15 typed at 10:15:42 is accepted. The end must be after both the start
 * and `now`, because Gravitee stores an end in the past as is and the subscription would end at once.
 */
export function validateCustomRange(range: ValidityPeriod, now: Date): CustomRangeProblem[] {
  const problems: CustomRangeProblem[] = [];
  const start = range.startingAt.getTime();
  const end = range.endingAt === null ? null : range.endingAt.getTime();

  const startValid = !Number.isNaN(start);
  const endValid = end === null || !Number.isNaN(end);
  if (!startValid) problems.push('invalid-start');
  if (!endValid) problems.push('invalid-end');

  if (startValid && start < startOfMinute(now).getTime()) problems.push('start-in-past');
  if (startValid && end !== null && endValid && end <= start) problems.push('end-not-after-start');
  if (end !== null && endValid && end <= now.getTime()) problems.push('end-in-past');

  return problems;
}
