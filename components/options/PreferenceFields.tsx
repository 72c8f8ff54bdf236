import { useId } from 'react';
import type { Translate } from '@/lib/i18n';
import type { Preferences } from '@/lib/storage';
import { TextField } from './TextField';
import { MIN_POLL_SECONDS } from './validate-preferences';

export interface PreferenceFieldsProps {
  t: Translate;
  language: Preferences['language'];
  pollSeconds: string;
  pollError?: string;
  onLanguageChange(language: Preferences['language']): void;
  onPollSecondsChange(value: string): void;
}

const languageChoices: Preferences['language'][] = ['auto', 'en', 'nb'];

function isLanguageChoice(value: string): value is Preferences['language'] {
  return (languageChoices as string[]).includes(value);
}

/** Renders the language choice and the poll interval. */
export function PreferenceFields(props: PreferenceFieldsProps) {
  const { t } = props;
  const languageId = useId();

  return (
    <>
      <div className="field">
        <label htmlFor={languageId}>{t('options.language.label')}</label>
        <select
          id={languageId}
          value={props.language}
          onChange={(event) => {
            if (isLanguageChoice(event.target.value)) props.onLanguageChange(event.target.value);
          }}
        >
          {languageChoices.map((choice) => (
            <option key={choice} value={choice} lang={choice === 'auto' ? undefined : choice}>
              {t(`options.language.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t('options.poll.label')}
        hint={t('options.poll.hint')}
        error={props.pollError}
        value={props.pollSeconds}
        onChange={props.onPollSecondsChange}
        type="number"
        min={MIN_POLL_SECONDS}
      />
    </>
  );
}
