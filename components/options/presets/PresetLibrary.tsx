import { useState } from 'react';
import type { Language, Translate } from '@/lib/i18n';
import { presetDisplayName } from '@/lib/presets/builtins';
import type { Preset } from '@/lib/presets/model';
import { PresetEditor } from './PresetEditor';
import { previewText } from './preset-preview';

export interface PresetLibraryProps {
  t: Translate;
  language: Language;
  now: Date;
  /** The presets in force, in their order: the user's, or the administrator's when locked. */
  presets: readonly Preset[];
  /** Whether policy sets the presets, so nothing here may change them. */
  locked: boolean;
  /** Counts the rules and connection defaults that name a preset, for the delete confirmation. */
  usage(presetId: string): number;
  /** Changes the stored presets and announces `success`. Resolves to false when storing failed. */
  update(change: (presets: Preset[]) => Preset[], success: string): Promise<boolean>;
}

type Editing = { presetId: string | null; key: number } | null;

/** Renders the preset library: each preset with the dates it gives now, reordering, editing and deleting. */
export function PresetLibrary({ t, language, now, presets, locked, usage, update }: PresetLibraryProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  const original = editing?.presetId ? (presets.find((preset) => preset.id === editing.presetId) ?? null) : null;

  function move(presetId: string, offset: -1 | 1, name: string) {
    void update((stored) => {
      const from = stored.findIndex((preset) => preset.id === presetId);
      const to = from + offset;
      if (from < 0 || to < 0 || to >= stored.length) return stored;
      const next = [...stored];
      [next[from], next[to]] = [next[to]!, next[from]!];
      return next;
    }, t('options.presets.moved', { name }));
  }

  async function remove(preset: Preset, name: string) {
    const done = await update((stored) => stored.filter((entry) => entry.id !== preset.id), t('options.presets.deleted', { name }));
    if (done) setConfirmingDelete(null);
  }

  async function save(preset: Preset): Promise<boolean> {
    const name = presetDisplayName(preset, language);
    const done = await update((stored) => {
      const index = stored.findIndex((entry) => entry.id === preset.id);
      if (index === -1) return [...stored, preset];
      return stored.map((entry) => (entry.id === preset.id ? preset : entry));
    }, t('options.presets.saved', { name }));
    if (done) setEditing(null);
    return done;
  }

  return (
    <>
      {locked && <p className="hint">{t('presets.managed.locked')}</p>}
      <ul className="presets" aria-label={t('options.presets.list.label')}>
        {presets.map((preset, index) => {
          const name = presetDisplayName(preset, language);
          const used = usage(preset.id);
          return (
            <li key={preset.id} className="preset" aria-label={name}>
              <p className="connection-name">{name}</p>
              <p className="connection-detail">{previewText(preset, now, language, t)}</p>
              {confirmingDelete === preset.id ? (
                <div className="confirm" role="group" aria-label={t('options.presets.delete.label', { name })}>
                  <p>{used > 0 ? t('options.presets.delete.confirm.used', { name, count: used }) : t('options.presets.delete.confirm', { name })}</p>
                  <div className="actions">
                    <button type="button" className="danger" onClick={() => void remove(preset, name)}>
                      {t('options.presets.delete.confirm-button')}
                    </button>
                    <button type="button" className="secondary" onClick={() => setConfirmingDelete(null)}>
                      {t('options.cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <div className="actions">
                  <button type="button" className="secondary" disabled={locked || index === 0} aria-label={t('options.presets.move-up.label', { name })} onClick={() => move(preset.id, -1, name)}>
                    {t('options.presets.move-up')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={locked || index === presets.length - 1}
                    aria-label={t('options.presets.move-down.label', { name })}
                    onClick={() => move(preset.id, 1, name)}
                  >
                    {t('options.presets.move-down')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={locked}
                    aria-label={t('options.presets.edit.label', { name })}
                    onClick={() => setEditing((current) => ({ presetId: preset.id, key: (current?.key ?? 0) + 1 }))}
                  >
                    {t('options.connection.edit')}
                  </button>
                  <button type="button" className="secondary" disabled={locked} aria-label={t('options.presets.delete.label', { name })} onClick={() => setConfirmingDelete(preset.id)}>
                    {t('options.presets.delete')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>

      {editing && (editing.presetId === null || original) ? (
        <PresetEditor key={editing.key} t={t} language={language} original={original} presets={presets} now={now} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <div className="actions">
          <button type="button" disabled={locked} onClick={() => setEditing((current) => ({ presetId: null, key: (current?.key ?? 0) + 1 }))}>
            {t('options.presets.add')}
          </button>
        </div>
      )}
    </>
  );
}
