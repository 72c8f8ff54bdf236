import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { createGraviteeClient, createMemoryCsrfStore } from '@/lib/gravitee/client';
import { toSerializedError } from '@/lib/gravitee/errors';
import type { Connection } from '@/lib/gravitee/types';
import { browserLanguage, translate, translator, type Language } from '@/lib/i18n';
import { connectionPatterns, requestHostAccess } from '@/lib/permissions';
import { DEFAULT_POLL_SECONDS, tokenItem } from '@/lib/storage';
import { errorSentence } from '../error-sentence';
import { ConnectionFields } from './ConnectionFields';
import { formatHostList } from './host-list';
import { Notice, type NoticeMessage } from './Notice';
import { loadSavedOptions, storeOptions } from './options-storage';
import { PreferenceFields } from './PreferenceFields';
import { useDetection } from './use-detection';
import { validateOptions, type FieldErrors, type OptionsForm, type SavedOptions } from './validate-options';

export interface OptionsPageProps {
  /** Used for constants.json and the connection test; tests pass a stub. */
  fetchImpl?: typeof fetch;
}

const browserFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

const emptyForm: OptionsForm = {
  consoleUrl: '',
  managementUrl: '',
  organization: 'DEFAULT',
  token: '',
  language: 'auto',
  pollSeconds: String(DEFAULT_POLL_SECONDS),
};

function formFromSaved(saved: SavedOptions): OptionsForm {
  return {
    consoleUrl: saved.connection?.consoleUrl ?? '',
    managementUrl: saved.connection?.managementUrl ?? '',
    organization: saved.connection?.organization ?? 'DEFAULT',
    token: '',
    language: saved.preferences.language,
    pollSeconds: String(saved.preferences.pollSeconds),
  };
}

/** Renders the settings page: connection, token, language and poll interval, with Save and Test connection. */
export function OptionsPage({ fetchImpl = browserFetch }: OptionsPageProps) {
  const [saved, setSaved] = useState<SavedOptions | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [form, setForm] = useState<OptionsForm>(emptyForm);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [saveNotice, setSaveNotice] = useState<NoticeMessage | null>(null);
  const [testNotice, setTestNotice] = useState<NoticeMessage | null>(null);

  const detectedLanguage = useMemo(() => browserLanguage(), []);
  const language: Language = form.language === 'auto' ? detectedLanguage : form.language;
  const t = translator(language);
  const detection = useDetection({ t, form, setForm, setFieldErrors, fetchImpl });

  useEffect(() => {
    let active = true;
    loadSavedOptions().then(
      (loaded) => {
        if (!active) return;
        setSaved(loaded);
        setForm(formFromSaved(loaded));
      },
      () => {
        if (active) setLoadFailed(true);
      },
    );
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    document.title = translate(language, 'options.title');
    document.documentElement.lang = language;
  }, [language]);

  function updateField<K extends keyof OptionsForm>(field: K, value: OptionsForm[K]) {
    setForm((current) => ({ ...current, [field]: value }));
    setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
    setSaveNotice(null);
  }

  /**
   * Validates the form and requests host access synchronously, so that the browser still sees
   * the click as a user gesture. Returns null when validation or the request failed.
   */
  function validateAndRequestAccess(show: (notice: NoticeMessage) => void) {
    if (!saved) return null;
    const result = validateOptions(form, saved);
    if (!result.ok) {
      setFieldErrors(result.errors);
      show({ tone: 'error', text: t('options.invalid.summary') });
      return null;
    }
    setFieldErrors({});
    const patterns = connectionPatterns(result.connection);
    try {
      return { result, patterns, access: requestHostAccess(patterns) };
    } catch {
      show({ tone: 'error', text: t('options.permission-failed', { hosts: formatHostList(patterns) }) });
      return null;
    }
  }

  function handleSave(event: FormEvent) {
    event.preventDefault();
    const started = validateAndRequestAccess(setSaveNotice);
    if (!started) return;
    const { result, patterns, access } = started;

    setSaving(true);
    setSaveNotice(null);
    void (async () => {
      try {
        if (!(await access.catch(() => false))) {
          setSaveNotice({ tone: 'error', text: t('options.permission-refused', { hosts: formatHostList(patterns) }) });
          return;
        }
        await storeOptions(result.connection, result.newToken, result.preferences);
        setSaved({ connection: result.connection, hasToken: true, preferences: result.preferences });
        setForm((current) => ({ ...current, token: '' }));
        setSaveNotice({ tone: 'success', text: t('options.saved') });
      } catch {
        setSaveNotice({ tone: 'error', text: t('options.save-failed') });
      } finally {
        setSaving(false);
      }
    })();
  }

  function handleTest() {
    const started = validateAndRequestAccess(setTestNotice);
    if (!started) return;
    const { result, patterns, access } = started;

    setTesting(true);
    setTestNotice(null);
    void (async () => {
      try {
        if (!(await access.catch(() => false))) {
          setTestNotice({ tone: 'error', text: t('options.test.permission-refused', { hosts: formatHostList(patterns) }) });
          return;
        }
        // validateOptions allows a missing new token only when the saved one belongs to this connection.
        const token = result.newToken ?? (await tokenItem.getValue());
        setTestNotice(await describeConnectionTest(result.connection, token));
      } finally {
        setTesting(false);
      }
    })();
  }

  async function describeConnectionTest(connection: Connection, token: string | null): Promise<NoticeMessage> {
    const client = createGraviteeClient({ connection, token, csrf: createMemoryCsrfStore(), fetch: fetchImpl });
    try {
      const user = await client.getCurrentUser();
      const text = user.email
        ? t('options.test.ok', { name: user.displayName, email: user.email })
        : t('options.test.ok-no-email', { name: user.displayName });
      return { tone: 'success', text };
    } catch (error) {
      return { tone: 'error', text: errorSentence(t, toSerializedError(error)) };
    }
  }

  const errorTexts = Object.fromEntries(
    Object.entries(fieldErrors).flatMap(([field, key]) => (key ? [[field, t(key)]] : [])),
  ) as Partial<Record<keyof OptionsForm, string>>;

  return (
    <main className="options" lang={language}>
      <h1>{t('options.title')}</h1>
      <p className="intro">{t('options.intro')}</p>

      {loadFailed && <p className="notice notice-error">{t('options.load-failed')}</p>}
      {!saved && !loadFailed && <p>{t('options.loading')}</p>}

      {saved && (
        <form noValidate onSubmit={handleSave}>
          <fieldset>
            <legend>{t('options.section.connection')}</legend>
            <ConnectionFields
              t={t}
              form={form}
              errors={errorTexts}
              hasSavedToken={saved.hasToken}
              detecting={detection.detecting}
              onChange={updateField}
              onConsoleUrlBlur={detection.prefill}
              onDetect={detection.detect}
            />
            <Notice notice={detection.detectNotice} />
          </fieldset>

          <fieldset>
            <legend>{t('options.section.preferences')}</legend>
            <PreferenceFields
              t={t}
              language={form.language}
              pollSeconds={form.pollSeconds}
              pollError={errorTexts.pollSeconds}
              onLanguageChange={(value) => updateField('language', value)}
              onPollSecondsChange={(value) => updateField('pollSeconds', value)}
            />
          </fieldset>

          <div className="actions">
            <button type="submit" className="primary" disabled={saving}>
              {saving ? t('options.saving') : t('options.save')}
            </button>
            <button type="button" className="secondary" disabled={testing} onClick={handleTest}>
              {testing ? t('options.testing') : t('options.test')}
            </button>
          </div>
          <Notice notice={saveNotice} />
          <Notice notice={testNotice} />
        </form>
      )}
    </main>
  );
}
