import { useEffect, useId, useState } from 'react';
import type { Connection } from '@/lib/gravitee/types';
import type { Language, Translate } from '@/lib/i18n';
import { presetConnectionKey } from '@/lib/presets/connection-key';
import { applyManagedSettings } from '@/lib/presets/managed';
import type { ConnectionPresetSettings, Preset, PresetSettings } from '@/lib/presets/model';
import { applyTeamFile, settingsForConnection, withConnectionSettings, type PresetStore } from '@/lib/presets/store';
import { watchPresetStore } from '@/lib/presets/sync-store';
import type { TeamFile } from '@/lib/presets/team-file';
import { localTimeZoneName } from '../../datetime-local';
import { Notice, type NoticeMessage } from '../Notice';
import { SelectField } from '../SelectField';
import { ConnectionRules } from './ConnectionRules';
import { PresetLibrary } from './PresetLibrary';
import { loadPresetData, saveErrorText, updatePresetStore, type PresetData } from './preset-storage';
import { teamFileCounts } from './team-counts';
import { TeamSharing } from './TeamSharing';

export interface PresetsSectionProps {
  t: Translate;
  language: Language;
  /** The stored connections; rules and defaults are set for one of them at a time. */
  connections: readonly Connection[];
  /** Current time for the previews; tests pass a fixed clock. */
  now?: () => Date;
}

const systemClock = () => new Date();

/**
 * Renders the validity presets part of the options page: the preset library, one connection's
 * default preset and rules, and team file export and import. Every change is written at once to
 * storage.sync. Fields set by policy are shown locked and never written.
 */
export function PresetsSection({ t, language, connections, now = systemClock }: PresetsSectionProps) {
  const titleId = useId();
  const [data, setData] = useState<PresetData | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const time = now();

  useEffect(() => {
    let active = true;
    const load = () =>
      loadPresetData().then(
        (loaded) => {
          if (active) setData(loaded);
        },
        (error: unknown) => {
          console.error('[options] could not read the presets', error);
          if (active) setLoadFailed(true);
        },
      );
    void load();
    // Another tab, another browser through sync, or a policy change may change the presets.
    const unwatch = watchPresetStore(() => void load());
    return () => {
      active = false;
      unwatch();
    };
  }, []);

  const connection = connections.find((entry) => entry.id === chosenId) ?? connections[0] ?? null;
  const connectionKey = connection ? presetConnectionKey(connection) : null;

  async function write(change: (store: PresetStore) => PresetStore, success: string): Promise<boolean> {
    try {
      const store = await updatePresetStore(change);
      setData((current) => (current ? { ...current, store } : current));
      setNotice({ tone: 'success', text: success });
      return true;
    } catch (error) {
      console.error('[options] could not save the presets', error);
      setNotice({ tone: 'error', text: saveErrorText(error, t) });
      return false;
    }
  }

  function updatePresets(change: (presets: Preset[]) => Preset[], success: string) {
    return write((store) => ({ ...store, presets: change(store.presets) }), success);
  }

  function updateConnection(change: (current: ConnectionPresetSettings) => ConnectionPresetSettings, success: string) {
    if (connectionKey === null) return Promise.resolve(false);
    return write((store) => {
      const own = settingsForConnection(store, connectionKey);
      return withConnectionSettings(store, connectionKey, change({ defaultPresetId: own.defaultPresetId, rules: own.rules }));
    }, success);
  }

  function importFile(file: TeamFile, fileName: string) {
    if (connectionKey === null) return Promise.resolve(false);
    return write((store) => applyTeamFile(store, connectionKey, file), t('options.team.imported', { file: fileName, ...teamFileCounts(file, language, t) }));
  }

  if (!data) {
    return (
      <section className="section" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('options.section.presets')}</h2>
        <p>{loadFailed ? t('options.presets.load-failed') : t('options.presets.loading')}</p>
      </section>
    );
  }

  const { store, managed } = data;
  const libraryPresets = managed.values.presets ?? store.presets;
  const effective: PresetSettings = connectionKey
    ? applyManagedSettings(settingsForConnection(store, connectionKey), managed.values)
    : { presets: libraryPresets, defaultPresetId: null, rules: [] };

  // Rules and defaults of every connection that name a preset, for the delete confirmation.
  const usage = (presetId: string) =>
    Object.values(store.connections).reduce((count, settings) => count + settings.rules.filter((rule) => rule.presetId === presetId).length + (settings.defaultPresetId === presetId ? 1 : 0), 0);

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('options.section.presets')}</h2>
      <p className="hint">{t('options.presets.intro')}</p>
      <p className="hint">{t('options.presets.zone', { zone: localTimeZoneName() })}</p>
      <Notice notice={notice} />

      <h3 className="subsection">{t('options.presets.library')}</h3>
      <PresetLibrary t={t} language={language} now={time} presets={libraryPresets} locked={managed.locked.presets} usage={usage} update={updatePresets} />

      <h3 className="subsection">{connection ? t('options.rules.title', { connection: connection.name }) : t('options.rules.title.none')}</h3>
      {connections.length > 1 && (
        <SelectField label={t('options.rules.connection.label')} hint={t('options.rules.connection.hint')} value={connection?.id ?? ''} onChange={setChosenId}>
          {connections.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </SelectField>
      )}
      {connection ? (
        <ConnectionRules
          key={connection.id}
          t={t}
          language={language}
          now={time}
          settings={effective}
          lockedRules={managed.locked.rules}
          lockedDefault={managed.locked.defaultPresetId}
          update={updateConnection}
        />
      ) : (
        <p className="hint">{t('options.rules.no-connection')}</p>
      )}

      <h3 className="subsection">{t('options.team.title')}</h3>
      <TeamSharing t={t} language={language} connectionName={connection?.name ?? null} settings={effective} locked={managed.locked} onImport={importFile} />
    </section>
  );
}
