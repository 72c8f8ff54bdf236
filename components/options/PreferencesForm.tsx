import { useState, type FormEvent } from 'react';
import type { MessageKey, Translate } from '@/lib/i18n';
import { Notice, type NoticeMessage } from './Notice';
import { NotificationsField } from './NotificationsField';
import { storePreferences } from './options-storage';
import { PreferenceFields } from './PreferenceFields';
import { validatePreferences, type PreferencesForm as PreferencesFormValues } from './validate-preferences';

export interface PreferencesFormProps {
  t: Translate;
  /** The language and poll interval as typed. The page follows the language at once. */
  values: PreferencesFormValues;
  onChange(values: PreferencesFormValues): void;
  notificationsOn: boolean;
  notificationPermissionLost: boolean;
}

/** Renders the preferences: language and poll interval with their own Save, and the notification choice. */
export function PreferencesForm({ t, values, onChange, notificationsOn, notificationPermissionLost }: PreferencesFormProps) {
  const [pollError, setPollError] = useState<MessageKey | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  function update(next: PreferencesFormValues) {
    onChange(next);
    setNotice(null);
  }

  function handleSave(event: FormEvent) {
    event.preventDefault();
    const result = validatePreferences(values);
    if (!result.ok) {
      setPollError(result.errors.pollSeconds);
      setNotice({ tone: 'error', text: t('options.invalid.summary') });
      return;
    }
    setPollError(undefined);
    setSaving(true);
    setNotice(null);
    void (async () => {
      try {
        await storePreferences(result.language, result.pollSeconds);
        setNotice({ tone: 'success', text: t('options.preferences.saved') });
      } catch {
        setNotice({ tone: 'error', text: t('options.save-failed') });
      } finally {
        setSaving(false);
      }
    })();
  }

  return (
    <form noValidate onSubmit={handleSave}>
      <fieldset>
        <legend>{t('options.section.preferences')}</legend>
        <PreferenceFields
          t={t}
          language={values.language}
          pollSeconds={values.pollSeconds}
          pollError={pollError ? t(pollError) : undefined}
          onLanguageChange={(language) => update({ ...values, language })}
          onPollSecondsChange={(pollSeconds) => {
            update({ ...values, pollSeconds });
            setPollError(undefined);
          }}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('options.saving') : t('options.preferences.save')}
          </button>
        </div>
        <Notice notice={notice} />
        <NotificationsField t={t} initiallyOn={notificationsOn} permissionLost={notificationPermissionLost} />
      </fieldset>
    </form>
  );
}
