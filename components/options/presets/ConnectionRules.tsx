import { useState } from 'react';
import type { Language, Translate } from '@/lib/i18n';
import { presetDisplayName } from '@/lib/presets/builtins';
import type { ConnectionPresetSettings, Preset, PresetSettings, Rule } from '@/lib/presets/model';
import { SelectField } from '../SelectField';
import { RuleEditor } from './RuleEditor';
import { RuleTryIt } from './RuleTryIt';

export interface ConnectionRulesProps {
  t: Translate;
  language: Language;
  now: Date;
  /** The settings in force for the connection, with policy applied. */
  settings: PresetSettings;
  lockedRules: boolean;
  lockedDefault: boolean;
  /** Changes the connection's stored rules or default and announces `success`. Resolves to false when storing failed. */
  update(change: (current: ConnectionPresetSettings) => ConnectionPresetSettings, success: string): Promise<boolean>;
}

type Editing = { ruleId: string | null; key: number } | null;

const NO_DEFAULT = '';

/** Renders one connection's default preset and its ordered rules, where the first match wins, with a tester. */
export function ConnectionRules({ t, language, now, settings, lockedRules, lockedDefault, update }: ConnectionRulesProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const presets = settings.presets;
  const presetIds = new Set(presets.map((preset) => preset.id));
  const editingIndex = editing?.ruleId ? settings.rules.findIndex((rule) => rule.id === editing.ruleId) : -1;
  const defaultValue = settings.defaultPresetId !== null && presetIds.has(settings.defaultPresetId) ? settings.defaultPresetId : NO_DEFAULT;

  function presetName(presetId: string): string {
    const preset = presets.find((entry) => entry.id === presetId);
    return preset ? presetDisplayName(preset, language) : t('options.rules.preset.missing');
  }

  function describeRule(rule: Rule): string {
    return t(`options.rules.describe.${rule.field}.${rule.match}`, { value: rule.value, preset: presetName(rule.presetId) });
  }

  function changeRules(change: (rules: Rule[]) => Rule[], success: string) {
    return update((current) => ({ ...current, rules: change(current.rules) }), success);
  }

  function move(ruleId: string, offset: -1 | 1, position: number) {
    void changeRules((rules) => {
      const from = rules.findIndex((rule) => rule.id === ruleId);
      const to = from + offset;
      if (from < 0 || to < 0 || to >= rules.length) return rules;
      const next = [...rules];
      [next[from], next[to]] = [next[to]!, next[from]!];
      return next;
    }, t('options.rules.moved', { position }));
  }

  async function save(rule: Rule): Promise<boolean> {
    const replaceOrAppend = (rules: Rule[]) => {
      if (!rules.some((entry) => entry.id === rule.id)) return [...rules, rule];
      return rules.map((entry) => (entry.id === rule.id ? rule : entry));
    };
    const done = await changeRules(replaceOrAppend, t('options.rules.saved'));
    if (done) setEditing(null);
    return done;
  }

  return (
    <>
      <SelectField
        label={t('options.rules.default.label')}
        hint={lockedDefault ? t('presets.managed.locked') : t('options.rules.default.hint')}
        value={defaultValue}
        disabled={lockedDefault}
        onChange={(value) => void update((current) => ({ ...current, defaultPresetId: value === NO_DEFAULT ? null : value }), t('options.rules.default.saved'))}
      >
        <option value={NO_DEFAULT}>{t('options.rules.default.none')}</option>
        {presets.map((preset: Preset) => (
          <option key={preset.id} value={preset.id}>
            {presetDisplayName(preset, language)}
          </option>
        ))}
      </SelectField>

      <p className="hint">{t('options.rules.intro')}</p>
      {lockedRules && <p className="hint">{t('presets.managed.locked')}</p>}
      {settings.rules.length === 0 ? (
        <p className="hint">{t('options.rules.empty')}</p>
      ) : (
        <ol className="rules" aria-label={t('options.rules.list.label')}>
          {settings.rules.map((rule, index) => {
            const position = index + 1;
            return (
              <li key={rule.id} className="rule" aria-label={t('options.rules.item.label', { position })}>
                <p className="connection-detail">{describeRule(rule)}</p>
                <div className="actions">
                  <button type="button" className="secondary" disabled={lockedRules || index === 0} aria-label={t('options.rules.move-up.label', { position })} onClick={() => move(rule.id, -1, position)}>
                    {t('options.presets.move-up')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={lockedRules || index === settings.rules.length - 1}
                    aria-label={t('options.rules.move-down.label', { position })}
                    onClick={() => move(rule.id, 1, position)}
                  >
                    {t('options.presets.move-down')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={lockedRules}
                    aria-label={t('options.rules.edit.label', { position })}
                    onClick={() => setEditing((current) => ({ ruleId: rule.id, key: (current?.key ?? 0) + 1 }))}
                  >
                    {t('options.connection.edit')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={lockedRules}
                    aria-label={t('options.rules.delete.label', { position })}
                    onClick={() => void changeRules((rules) => rules.filter((entry) => entry.id !== rule.id), t('options.rules.deleted', { position }))}
                  >
                    {t('options.presets.delete')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      {editing && (editing.ruleId === null || editingIndex >= 0) ? (
        <RuleEditor
          key={editing.key}
          t={t}
          language={language}
          original={editingIndex >= 0 ? { rule: settings.rules[editingIndex]!, position: editingIndex + 1 } : null}
          presets={presets}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className="actions">
          <button type="button" disabled={lockedRules || presets.length === 0} onClick={() => setEditing((current) => ({ ruleId: null, key: (current?.key ?? 0) + 1 }))}>
            {t('options.rules.add')}
          </button>
        </div>
      )}

      <RuleTryIt t={t} language={language} settings={settings} now={now} />
    </>
  );
}
