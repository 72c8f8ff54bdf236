import { useId, useState } from 'react';
import type { Language, Translate } from '@/lib/i18n';
import { presetDisplayName } from '@/lib/presets/builtins';
import { describePickReason } from '@/lib/presets/describe';
import type { PresetSettings } from '@/lib/presets/model';
import { pickPreset } from '@/lib/presets/rules';
import { TextField } from '../TextField';
import { previewText } from './preset-preview';

export interface RuleTryItProps {
  t: Translate;
  language: Language;
  /** The settings in force for the chosen connection, with policy applied. */
  settings: PresetSettings;
  now: Date;
}

/**
 * Renders a small tester: type an API and a plan, see the preset Accept would offer and why. Each
 * text is tried as both name and id, so rules of either kind can match it.
 */
export function RuleTryIt({ t, language, settings, now }: RuleTryItProps) {
  const resultId = useId();
  const [api, setApi] = useState('');
  const [plan, setPlan] = useState('');
  const tried = api.trim() !== '' || plan.trim() !== '';
  const pick = pickPreset(settings, { apiId: api.trim(), apiName: api.trim(), planId: plan.trim(), planName: plan.trim() });

  return (
    <fieldset>
      <legend>{t('options.try.legend')}</legend>
      <TextField label={t('options.try.api.label')} value={api} onChange={setApi} />
      <TextField label={t('options.try.plan.label')} value={plan} onChange={setPlan} />
      <div id={resultId} aria-live="polite">
        {tried && (
          <p className="try-result">
            {t('options.try.result', { preset: presetDisplayName(pick.preset, language), reason: describePickReason(pick.reason, language), dates: previewText(pick.preset, now, language, t) })}
          </p>
        )}
      </div>
    </fieldset>
  );
}
