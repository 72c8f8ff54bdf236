import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Connection } from '@/lib/gravitee/types';
import type { Translate } from '@/lib/i18n';
import { connectionPatterns, requestHostAccess } from '@/lib/permissions';
import { ConnectionFields } from './ConnectionFields';
import { runConnectionTest } from './connection-test';
import { formatHostList } from './host-list';
import { Notice, type NoticeMessage } from './Notice';
import { savedToken, storeConnection, type SavedOptions } from './options-storage';
import { DiscoveryDetails } from './DiscoveryDetails';
import type { ConnectionPrefill } from './prefill';
import { useDetection } from './use-detection';
import { canShareConsoleSession } from '@/lib/site';
import { parseHttpUrl } from './validate-connection';
import { validateConnection, type ConnectionErrors, type ConnectionField, type ConnectionForm } from './validate-connection';

export interface ConnectionEditorProps {
  t: Translate;
  /** The stored connection being edited, or null when adding one. */
  original: Connection | null;
  hasSavedToken: boolean;
  /** The other stored connections, for the duplicate checks. */
  others: readonly Connection[];
  fetchImpl: typeof fetch;
  /** Called after Save stored the connection, with the stored state and the message to show. */
  onSaved(stored: Pick<SavedOptions, 'connections' | 'tokenIds'>, notice: NoticeMessage): void;
  /** Closes the editor. Absent when there is nothing to go back to. */
  onCancel?(): void;
  /** Values for a new connection, from a console the content script found. */
  prefill?: ConnectionPrefill | null;
}

function formFrom(original: Connection | null, prefill: ConnectionPrefill | null): ConnectionForm {
  return {
    name: original?.name ?? '',
    consoleUrl: original?.consoleUrl ?? prefill?.consoleUrl ?? '',
    managementUrl: original?.managementUrl ?? prefill?.managementUrl ?? '',
    organization: original?.organization ?? prefill?.organization ?? 'DEFAULT',
    token: '',
    removeToken: false,
  };
}

/**
 * Whether the form describes a connection that will use the console session although the console
 * and the Management API are on different sites, where the browser never shares that session.
 */
function sessionNeedsToken(form: ConnectionForm, hasSavedToken: boolean): boolean {
  const consoleUrl = parseHttpUrl(form.consoleUrl);
  const managementUrl = parseHttpUrl(form.managementUrl);
  if (!consoleUrl || !managementUrl) return false;
  const usesSession = form.token.trim() === '' && (!hasSavedToken || form.removeToken);
  return usesSession && !canShareConsoleSession(consoleUrl, managementUrl);
}

/** Renders the form that adds or edits one connection, with Detect from console, Save and Test connection. */
export function ConnectionEditor({ t, original, hasSavedToken, others, fetchImpl, onSaved, onCancel, prefill = null }: ConnectionEditorProps) {
  // A new connection gets its id when the form opens, so that repeated Save attempts keep it.
  const [id] = useState(() => original?.id ?? crypto.randomUUID());
  const [form, setForm] = useState<ConnectionForm>(() => formFrom(original, prefill));
  const [fieldErrors, setFieldErrors] = useState<ConnectionErrors>({});
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [saveNotice, setSaveNotice] = useState<NoticeMessage | null>(null);
  const [testNotice, setTestNotice] = useState<NoticeMessage | null>(null);
  const detection = useDetection({ t, form, setForm, setFieldErrors, fetchImpl });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function updateField(field: ConnectionField, value: string) {
    setForm((current) => ({ ...current, [field]: value }));
    setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
    setSaveNotice(null);
  }

  function setRemoveToken(removeToken: boolean) {
    setForm((current) => ({ ...current, removeToken }));
    setFieldErrors((errors) => ({ ...errors, token: undefined }));
  }

  /** Validates the form. On failure it shows the field errors, and a summary through `show`. */
  function validated(show: (notice: NoticeMessage) => void) {
    const result = validateConnection(form, { id, original, hasSavedToken, others });
    if (!result.ok) {
      setFieldErrors(result.errors);
      show({ tone: 'error', text: t('options.invalid.summary') });
      return null;
    }
    setFieldErrors({});
    return result;
  }

  function handleSave(event: FormEvent) {
    event.preventDefault();
    const result = validated(setSaveNotice);
    if (!result) return;
    const { connection, token, usesSession } = result;

    // Requested before any await: browsers grant host access only inside the click's user gesture.
    const patterns = connectionPatterns(connection);
    let access: Promise<boolean>;
    try {
      access = requestHostAccess(patterns);
    } catch {
      setSaveNotice({ tone: 'error', text: t('options.permission-failed', { hosts: formatHostList(patterns) }) });
      return;
    }

    setSaving(true);
    setSaveNotice(null);
    void (async () => {
      try {
        if (!(await access.catch(() => false))) {
          setSaveNotice({ tone: 'error', text: t('options.permission-refused', { hosts: formatHostList(patterns) }) });
          return;
        }
        const stored = await storeConnection(connection, token);
        const text = usesSession ? t('options.saved.session', { name: connection.name }) : t('options.saved');
        onSaved(stored, { tone: 'success', text });
      } catch {
        setSaveNotice({ tone: 'error', text: t('options.save-failed') });
      } finally {
        setSaving(false);
      }
    })();
  }

  function handleTest() {
    const result = validated(setTestNotice);
    if (!result) return;
    const { connection, token } = result;
    // A saved token is read only when validation kept it, so it never goes to a changed target.
    const readToken = async (): Promise<string | null> => {
      if (token.kind === 'replace') return token.token;
      if (token.kind === 'keep' && hasSavedToken) return savedToken(id);
      return null;
    };

    const test = runConnectionTest(t, connection, readToken, fetchImpl);
    setTesting(true);
    setTestNotice(null);
    void test.then(setTestNotice).finally(() => setTesting(false));
  }

  const errorTexts = Object.fromEntries(
    Object.entries(fieldErrors).flatMap(([field, key]) => (key ? [[field, t(key)]] : [])),
  ) as Partial<Record<ConnectionField, string>>;

  return (
    <form className="editor" noValidate onSubmit={handleSave}>
      <fieldset>
        <legend>
          <h2 className="editor-title" tabIndex={-1} ref={headingRef}>
            {original ? t('options.editor.title.edit', { name: original.name }) : t('options.editor.title.add')}
          </h2>
        </legend>
        <ConnectionFields
          t={t}
          form={form}
          errors={errorTexts}
          hasSavedToken={hasSavedToken}
          managed={original?.managed === true}
          detecting={detection.detecting}
          onChange={updateField}
          onRemoveTokenChange={setRemoveToken}
          onConsoleUrlBlur={detection.prefill}
          onDetect={detection.detect}
        />
        <Notice notice={detection.detectNotice} />
        {detection.details && <DiscoveryDetails t={t} found={detection.details} />}
        {sessionNeedsToken(form, hasSavedToken) && <p className="notice notice-info">{t('options.session.cross-site')}</p>}

        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('options.saving') : t('options.save')}
          </button>
          <button type="button" className="secondary" disabled={testing} onClick={handleTest}>
            {testing ? t('options.testing') : t('options.test')}
          </button>
          {onCancel && (
            <button type="button" className="secondary" onClick={onCancel}>
              {t('options.cancel')}
            </button>
          )}
        </div>
        <Notice notice={saveNotice} />
        <Notice notice={testNotice} />
      </fieldset>
    </form>
  );
}
