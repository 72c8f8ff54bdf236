import type { SubscriptionDetails } from '@/lib/gravitee/types';
import type { Language } from '@/lib/i18n';
import { presetDisplayName } from '@/lib/presets/builtins';
import { computeValidity } from '@/lib/presets/compute';
import type { PresetSettings } from '@/lib/presets/model';
import { fromDateTimeLocal } from '../datetime-local';

// The choices and checks of "Change end date", kept apart from the component so each rule reads on
// its own. They match the same control on Gravitee's subscription page.

/** The new end the user picked: a preset's end computed from now, a date typed in, or no end. */
export type EndSelection = { kind: 'preset'; presetId: string } | { kind: 'date'; value: string } | { kind: 'none' };

export interface PresetEndOption {
  presetId: string;
  name: string;
  endingAt: Date;
}

export type EndDateProblem = 'invalid' | 'past' | 'before-start';
export type EndDateWarning = 'shorten-api-key' | 'shorten' | 'remove';

/**
 * Lists the end each preset gives when computed from `now`. Presets without an end are left out,
 * because "No end date" is its own choice.
 */
export function presetEndOptions(settings: PresetSettings, now: Date, language: Language): PresetEndOption[] {
  return settings.presets.flatMap((preset) => {
    const endingAt = computeValidity(preset, now).endingAt;
    return endingAt ? [{ presetId: preset.id, name: presetDisplayName(preset, language), endingAt }] : [];
  });
}

/** Returns the new end date of a selection: null for no end, an invalid Date for a missing or malformed one. */
export function selectedEnd(selection: EndSelection, options: readonly PresetEndOption[]): Date | null {
  switch (selection.kind) {
    case 'none':
      return null;
    case 'date':
      return fromDateTimeLocal(selection.value);
    case 'preset':
      return options.find((option) => option.presetId === selection.presetId)?.endingAt ?? new Date(Number.NaN);
  }
}

/**
 * Checks a new end date. Gravitee stores an end in the past, or before the start, as is, and the
 * subscription would end at once, so both are rejected here as the background worker does.
 */
export function checkEnd(end: Date | null, subscription: Pick<SubscriptionDetails, 'startingAt'>, now: Date): EndDateProblem | null {
  if (end === null) return null;
  if (Number.isNaN(end.getTime())) return 'invalid';
  if (end.getTime() <= now.getTime()) return 'past';
  if (subscription.startingAt !== null && end.getTime() <= Date.parse(subscription.startingAt)) return 'before-start';
  return null;
}

/**
 * Returns the warning a change needs before it is confirmed: removing the end date, or ending the
 * subscription earlier than now planned (an open-ended one counts as later than any date). API
 * keys of an API_KEY plan expire at the subscription's end, so that case gets its own warning.
 */
export function warningFor(end: Date | null, subscription: Pick<SubscriptionDetails, 'endingAt' | 'planSecurity'>): EndDateWarning | null {
  if (end === null) return subscription.endingAt === null ? null : 'remove';
  const shortens = subscription.endingAt === null || end.getTime() < Date.parse(subscription.endingAt);
  if (!shortens) return null;
  return subscription.planSecurity === 'API_KEY' ? 'shorten-api-key' : 'shorten';
}
