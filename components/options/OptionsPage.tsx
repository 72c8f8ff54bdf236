import { useEffect, useId, useMemo, useState } from 'react';
import type { Connection } from '@/lib/gravitee/types';
import { browserLanguage, translate, translator, type Language } from '@/lib/i18n';
import { ConnectionEditor } from './ConnectionEditor';
import { ConnectionItem } from './ConnectionItem';
import { Notice, type NoticeMessage } from './Notice';
import { hasNotificationPermission } from './notification-permission';
import { loadSavedOptions, removeConnection, type SavedOptions } from './options-storage';
import { PreferencesForm } from './PreferencesForm';
import { readPrefill } from './prefill';
import { PresetsSection } from './presets/PresetsSection';
import type { PreferencesForm as PreferencesFormValues } from './validate-preferences';

export interface OptionsPageProps {
  /** Used for constants.json and the connection test; tests pass a stub. */
  fetchImpl?: typeof fetch;
}

const browserFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** The open editor. `id` is the connection being edited, or null for a new one, and `key` remounts the form on every open. */
interface OpenEditor {
  id: string | null;
  key: number;
}

interface NotificationState {
  on: boolean;
  permissionLost: boolean;
}

async function loadNotificationState(saved: SavedOptions): Promise<NotificationState> {
  if (!saved.preferences.notifications) return { on: false, permissionLost: false };
  const granted = await hasNotificationPermission();
  return { on: granted, permissionLost: !granted };
}

/** Renders the settings page: the list of connections with their editor, and the preferences. */
export function OptionsPage({ fetchImpl = browserFetch }: OptionsPageProps) {
  const connectionsTitleId = useId();
  const [saved, setSaved] = useState<SavedOptions | null>(null);
  const [notifications, setNotifications] = useState<NotificationState | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [editor, setEditor] = useState<OpenEditor | null>(null);
  const [listNotice, setListNotice] = useState<NoticeMessage | null>(null);
  const [preferences, setPreferences] = useState<PreferencesFormValues>({ language: 'auto', pollSeconds: '' });

  const detectedLanguage = useMemo(() => browserLanguage(), []);
  // A console found by the content script that still needs host access opens here with its values.
  const prefill = useMemo(() => readPrefill(globalThis.location?.hash ?? ''), []);
  const language: Language = preferences.language === 'auto' ? detectedLanguage : preferences.language;
  const t = translator(language);

  useEffect(() => {
    let active = true;
    void (async () => {
      try {
        const loaded = await loadSavedOptions();
        const notificationState = await loadNotificationState(loaded);
        if (!active) return;
        setSaved(loaded);
        setNotifications(notificationState);
        setPreferences({ language: loaded.preferences.language, pollSeconds: String(loaded.preferences.pollSeconds) });
        // A first start has nothing to list, so the form for the first connection opens at once.
        if (loaded.connections.length === 0 || prefill) setEditor({ id: null, key: 0 });
      } catch {
        if (active) setLoadFailed(true);
      }
    })();
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    document.title = translate(language, 'options.title');
    document.documentElement.lang = language;
  }, [language]);

  function openEditor(id: string | null) {
    setEditor((current) => ({ id, key: (current?.key ?? 0) + 1 }));
    setListNotice(null);
  }

  async function remove(connection: Connection) {
    const stored = await removeConnection(connection.id);
    setSaved((current) => (current ? { ...current, ...stored } : current));
    setListNotice({ tone: 'success', text: t('options.connection.removed', { name: connection.name }) });
    if (editor?.id === connection.id) setEditor(null);
  }

  const editing = editor?.id ? (saved?.connections.find((entry) => entry.id === editor.id) ?? null) : null;
  // The edited connection may have been removed in another options tab meanwhile.
  const editorOpen = editor !== null && (editor.id === null || editing !== null);

  return (
    <main className="options" lang={language}>
      <h1>{t('options.title')}</h1>
      <p className="intro">{t('options.intro')}</p>

      {loadFailed && <p className="notice notice-error">{t('options.load-failed')}</p>}
      {!saved && !loadFailed && <p>{t('options.loading')}</p>}

      {saved && notifications && (
        <>
          <section className="section" aria-labelledby={connectionsTitleId}>
            <h2 id={connectionsTitleId}>{t('options.section.connections')}</h2>
            {saved.connections.length === 0 ? (
              <p className="hint">{t('options.connections.empty')}</p>
            ) : (
              <ul className="connections" aria-label={t('options.section.connections')}>
                {saved.connections.map((connection) => (
                  <ConnectionItem
                    key={connection.id}
                    t={t}
                    connection={connection}
                    hasToken={saved.tokenIds.has(connection.id)}
                    fetchImpl={fetchImpl}
                    onEdit={() => openEditor(connection.id)}
                    onRemove={() => remove(connection)}
                  />
                ))}
              </ul>
            )}
            <Notice notice={listNotice} />

            {editor && editorOpen ? (
              <ConnectionEditor
                key={editor.key}
                t={t}
                original={editing}
                hasSavedToken={editing ? saved.tokenIds.has(editing.id) : false}
                others={saved.connections.filter((entry) => entry.id !== editor.id)}
                fetchImpl={fetchImpl}
                onSaved={(stored, notice) => {
                  setSaved((current) => (current ? { ...current, ...stored } : current));
                  setEditor(null);
                  setListNotice(notice);
                }}
                onCancel={saved.connections.length > 0 ? () => setEditor(null) : undefined}
                prefill={editor.id === null ? prefill : null}
              />
            ) : (
              <div className="actions">
                <button type="button" className="primary" onClick={() => openEditor(null)}>
                  {t('options.connections.add')}
                </button>
              </div>
            )}
          </section>

          <PresetsSection t={t} language={language} connections={saved.connections} />

          <PreferencesForm
            t={t}
            values={preferences}
            onChange={setPreferences}
            notificationsOn={notifications.on}
            notificationPermissionLost={notifications.permissionLost}
          />
        </>
      )}
    </main>
  );
}
