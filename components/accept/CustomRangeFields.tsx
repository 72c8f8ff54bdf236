import { useId } from 'react';
import type { Translate } from '@/lib/i18n';
import type { CustomRangeProblem } from '@/lib/presets/custom-range';
import { localTimeZoneName } from '../datetime-local';
import type { ValidityChoice } from './validity-offer';

type CustomChoice = Extract<ValidityChoice, { kind: 'custom' }>;

export interface CustomRangeFieldsProps {
  t: Translate;
  choice: CustomChoice;
  problems: CustomRangeProblem[];
  onChange(choice: CustomChoice): void;
}

/** Renders the start and end of a custom validity period, in local time, with every problem in words. */
export function CustomRangeFields({ t, choice, problems, onChange }: CustomRangeFieldsProps) {
  const startId = useId();
  const endId = useId();
  const problemsId = useId();
  const zoneId = useId();
  const describedBy = problems.length > 0 ? `${zoneId} ${problemsId}` : zoneId;
  const startProblem = problems.some((problem) => problem === 'invalid-start' || problem === 'start-in-past');
  const endProblem = problems.some((problem) => problem !== 'invalid-start' && problem !== 'start-in-past');

  return (
    <div className="gk-custom">
      <label className="gk-choice">
        <input type="checkbox" checked={choice.startNow} onChange={(event) => onChange({ ...choice, startNow: event.target.checked })} />
        {t('panel.custom.start-now')}
      </label>
      {!choice.startNow && (
        <div className="gk-field">
          <label className="gk-label" htmlFor={startId}>
            {t('panel.custom.start')}
          </label>
          <input
            id={startId}
            className="gk-input"
            type="datetime-local"
            value={choice.start}
            aria-invalid={startProblem || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ ...choice, start: event.target.value })}
          />
        </div>
      )}
      <div className="gk-field">
        <label className="gk-label" htmlFor={endId}>
          {t('panel.custom.end')}
        </label>
        <input
          id={endId}
          className="gk-input"
          type="datetime-local"
          value={choice.end}
          disabled={choice.noEnd}
          aria-invalid={endProblem || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ ...choice, end: event.target.value })}
        />
      </div>
      <label className="gk-choice">
        <input type="checkbox" checked={choice.noEnd} onChange={(event) => onChange({ ...choice, noEnd: event.target.checked })} />
        {t('panel.custom.no-end')}
      </label>
      <p className="gk-hint" id={zoneId}>
        {t('panel.custom.zone', { zone: localTimeZoneName() })}
      </p>
      <ul className="gk-problems" id={problemsId} aria-live="polite">
        {problems.map((problem) => (
          <li key={problem} className="gk-field-error">
            {t(`presets.custom.${problem}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
