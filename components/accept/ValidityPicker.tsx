import { useId } from 'react';
import { formatDateTime } from '@/lib/format';
import type { PendingRequest, ValidityPeriod } from '@/lib/gravitee/types';
import type { Language, Translate } from '@/lib/i18n';
import type { CustomRangeProblem } from '@/lib/presets/custom-range';
import { presetDisplayName } from '@/lib/presets/builtins';
import { computeValidity } from '@/lib/presets/compute';
import type { Preset, PresetSettings } from '@/lib/presets/model';
import { pickPreset } from '@/lib/presets/rules';
import { toDateTimeLocal } from '../datetime-local';
import { CustomRangeFields } from './CustomRangeFields';
import type { ValidityChoice } from './validity-offer';

export interface ValidityPickerProps {
  id: string;
  t: Translate;
  language: Language;
  request: PendingRequest;
  settings: PresetSettings;
  choice: ValidityChoice;
  /** The period offered now, used to fill in a custom range when the user switches to one. */
  offered: ValidityPeriod;
  /** Problems of the custom range, shown under its fields. */
  problems: CustomRangeProblem[];
  now: Date;
  disabled: boolean;
  onChange(choice: ValidityChoice): void;
}

const CUSTOM_VALUE = 'custom';

/**
 * Renders the choices behind the Accept split button: every preset with the end it gives now, the
 * suggested one marked, and a custom range.
 */
export function ValidityPicker({ id, t, language, request, settings, choice, offered, problems, now, disabled, onChange }: ValidityPickerProps) {
  const name = useId();
  const suggested = pickPreset(settings, request).preset;
  const suggestedId = suggested.id;
  // The built-in fallback may be missing from the library, and it must still be choosable.
  const presets = settings.presets.some((preset) => preset.id === suggestedId) ? settings.presets : [suggested, ...settings.presets];
  let selected = suggestedId;
  if (choice.kind === 'custom') selected = CUSTOM_VALUE;
  if (choice.kind === 'preset') selected = choice.presetId;

  function optionLabel(preset: Preset): string {
    const end = computeValidity(preset, now).endingAt;
    const presetName = presetDisplayName(preset, language);
    const option = end ? t('panel.validity.option.until', { preset: presetName, end: formatDateTime(end, language) }) : t('panel.validity.option.no-end', { preset: presetName });
    return preset.id === suggestedId ? t('panel.validity.option.suggested', { option }) : option;
  }

  function select(value: string) {
    if (value === CUSTOM_VALUE) {
      if (choice.kind === 'custom') return;
      const end = offered.endingAt;
      onChange({ kind: 'custom', startNow: true, start: toDateTimeLocal(now), end: end ? toDateTimeLocal(end) : '', noEnd: end === null });
      return;
    }
    onChange(value === suggestedId ? { kind: 'suggested' } : { kind: 'preset', presetId: value });
  }

  return (
    <fieldset className="gk-picker" id={id} disabled={disabled}>
      <legend className="gk-label">{t('panel.validity.legend')}</legend>
      {presets.map((preset) => (
        <label key={preset.id} className="gk-choice">
          <input type="radio" name={name} value={preset.id} checked={selected === preset.id} onChange={() => select(preset.id)} />
          {optionLabel(preset)}
        </label>
      ))}
      <label className="gk-choice">
        <input type="radio" name={name} value={CUSTOM_VALUE} checked={selected === CUSTOM_VALUE} onChange={() => select(CUSTOM_VALUE)} />
        {t('panel.validity.option.custom')}
      </label>
      {choice.kind === 'custom' && <CustomRangeFields t={t} choice={choice} problems={problems} onChange={onChange} />}
    </fieldset>
  );
}
