import type { PendingRequest, ValidityPeriod } from '@/lib/gravitee/types';
import type { Language, Translate } from '@/lib/i18n';
import { presetDisplayName } from '@/lib/presets/builtins';
import { computeValidity } from '@/lib/presets/compute';
import { validateCustomRange, type CustomRangeProblem } from '@/lib/presets/custom-range';
import { describePickReason } from '@/lib/presets/describe';
import type { PresetSettings } from '@/lib/presets/model';
import { validityFor } from '@/lib/presets/resolve';
import { fromDateTimeLocal } from '../datetime-local';

/**
 * The validity period the user chose for one request: the preset the rules suggest, another
 * preset, or a custom range typed as datetime-local values.
 */
export type ValidityChoice =
  | { kind: 'suggested' }
  | { kind: 'preset'; presetId: string }
  | { kind: 'custom'; startNow: boolean; start: string; end: string; noEnd: boolean };

export interface ValidityOffer {
  /** The source of the period, such as "1 year — Default preset for this connection". */
  label: string;
  /** The period Accept sends. */
  validity: ValidityPeriod;
  /** Problems of a custom range; Accept sends nothing while there are any. Always empty for presets. */
  problems: CustomRangeProblem[];
}

/**
 * Computes the period and label for a choice at `now`. A chosen preset that was deleted meanwhile
 * falls back to the suggested one. A custom range that starts "when I accept" starts at `now`, as
 * presets starting now do, so its start is never reported as in the past.
 */
export function describeOffer(choice: ValidityChoice, request: PendingRequest, settings: PresetSettings, now: Date, language: Language, t: Translate): ValidityOffer {
  if (choice.kind === 'custom') {
    const validity = { startingAt: choice.startNow ? now : fromDateTimeLocal(choice.start), endingAt: choice.noEnd ? null : fromDateTimeLocal(choice.end) };
    const problems = validateCustomRange(validity, now).filter((problem) => !(choice.startNow && problem === 'start-in-past'));
    return { label: t('panel.accept.custom'), validity, problems };
  }

  const chosen = choice.kind === 'preset' ? settings.presets.find((preset) => preset.id === choice.presetId) : undefined;
  if (chosen) {
    const label = t('panel.accept.preset.chosen', { preset: presetDisplayName(chosen, language) });
    return { label, validity: computeValidity(chosen, now), problems: [] };
  }

  const suggested = validityFor(request, now, settings);
  const label = t('panel.accept.preset', { preset: presetDisplayName(suggested.preset, language), reason: describePickReason(suggested.reason, language) });
  return { label, validity: suggested.validity, problems: [] };
}
