import { useId } from 'react';
import { formatDateTime, formatDateTimeWithZone } from '@/lib/format';
import type { SubscriptionDetails } from '@/lib/gravitee/types';
import type { Language, Translate } from '@/lib/i18n';
import { localTimeZoneName } from '../datetime-local';
import { checkEnd, selectedEnd, warningFor, type EndSelection, type PresetEndOption } from './end-date-choice';

export interface EndDateFormProps {
  t: Translate;
  language: Language;
  subscription: SubscriptionDetails;
  options: readonly PresetEndOption[];
  selection: EndSelection;
  now: Date;
  onSelect(selection: EndSelection): void;
  onContinue(): void;
  onCancel(): void;
}

const CUSTOM_VALUE = 'date';
const NONE_VALUE = 'none';

/** Renders the choice of a new end date with its problem or warning, before the confirmation step. */
export function EndDateForm({ t, language, subscription, options, selection, now, onSelect, onContinue, onCancel }: EndDateFormProps) {
  const selectId = useId();
  const dateId = useId();
  const messageId = useId();

  const end = selectedEnd(selection, options);
  const problem = checkEnd(end, subscription, now);
  const warning = problem ? null : warningFor(end, subscription);
  let selectValue = NONE_VALUE;
  if (selection.kind === 'preset') selectValue = selection.presetId;
  if (selection.kind === 'date') selectValue = CUSTOM_VALUE;

  function select(value: string) {
    if (value === NONE_VALUE) onSelect({ kind: 'none' });
    else if (value === CUSTOM_VALUE) onSelect({ kind: 'date', value: '' });
    else onSelect({ kind: 'preset', presetId: value });
  }

  return (
    <form
      className="gk-reject"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onContinue();
      }}
    >
      <p>{subscription.endingAt ? t('panel.end-date.current', { end: formatDateTimeWithZone(new Date(subscription.endingAt), language) }) : t('panel.end-date.current.none')}</p>

      <label className="gk-label" htmlFor={selectId}>
        {t('panel.end-date.choose')}
      </label>
      <select id={selectId} className="gk-input" value={selectValue} aria-describedby={messageId} onChange={(event) => select(event.target.value)}>
        {options.map((option) => (
          <option key={option.presetId} value={option.presetId}>
            {t('panel.end-date.option.preset', { preset: option.name, end: formatDateTime(option.endingAt, language) })}
          </option>
        ))}
        <option value={CUSTOM_VALUE}>{t('panel.end-date.option.custom')}</option>
        <option value={NONE_VALUE}>{t('panel.end-date.option.none')}</option>
      </select>

      {selection.kind === 'date' && (
        <div className="gk-field">
          <label className="gk-label" htmlFor={dateId}>
            {t('panel.end-date.custom.label')}
          </label>
          <input
            id={dateId}
            className="gk-input"
            type="datetime-local"
            value={selection.value}
            aria-invalid={problem ? true : undefined}
            aria-describedby={messageId}
            onChange={(event) => onSelect({ kind: 'date', value: event.target.value })}
          />
          <p className="gk-hint">{t('panel.custom.zone', { zone: localTimeZoneName() })}</p>
        </div>
      )}

      <div id={messageId} aria-live="polite">
        {problem && <p className="gk-field-error">{t(`panel.end-date.${problem}`)}</p>}
        {warning && <p className="gk-warning">{t(`panel.end-date.${warning}`)}</p>}
      </div>

      <div className="gk-actions">
        <button type="submit" className="gk-button gk-primary" disabled={problem !== null}>
          {t('panel.end-date.continue')}
        </button>
        <button type="button" className="gk-button gk-text" onClick={onCancel}>
          {t('panel.end-date.cancel')}
        </button>
      </div>
    </form>
  );
}
