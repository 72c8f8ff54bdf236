import { useEffect, useId, useRef, useState } from 'react';
import type { Language, Translate } from '@/lib/i18n';
import { presetDisplayName } from '@/lib/presets/builtins';
import { createId, RULE_FIELDS, RULE_MATCHES, type Preset, type Rule } from '@/lib/presets/model';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { emptyRuleDraft, validateRuleDraft, type RuleDraft } from './rule-draft';

export interface RuleEditorProps {
  t: Translate;
  language: Language;
  /** The rule being edited with its 1-based position, or null for a new one. */
  original: { rule: Rule; position: number } | null;
  presets: readonly Preset[];
  /** Stores the rule. Resolves to false when storing failed, and the caller has shown why. */
  onSave(rule: Rule): Promise<boolean>;
  onCancel(): void;
}

/** Renders the form for one rule: API or plan, id or name pattern, the value, and the preset it picks. */
export function RuleEditor({ t, language, original, presets, onSave, onCancel }: RuleEditorProps) {
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [id] = useState(() => original?.rule.id ?? createId());
  const [draft, setDraft] = useState<RuleDraft>(() => (original ? { ...original.rule } : emptyRuleDraft(presets.map((preset) => preset.id))));
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);

  // The form replaces the list controls that had focus, so focus moves to its title.
  useEffect(() => titleRef.current?.focus(), []);

  const checked = validateRuleDraft(draft, id, new Set(presets.map((preset) => preset.id)));
  const errors = showErrors && !checked.ok ? checked.errors : {};
  const change = (patch: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...patch }));

  async function submit() {
    if (!checked.ok) {
      setShowErrors(true);
      return;
    }
    setSaving(true);
    if (!(await onSave(checked.rule))) setSaving(false);
  }

  return (
    <form
      className="editor"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4 className="editor-title" id={titleId} tabIndex={-1} ref={titleRef}>
        {original ? t('options.rules.editor.edit', { position: original.position }) : t('options.rules.editor.add')}
      </h4>
      <SelectField label={t('options.rules.field.label')} value={draft.field} onChange={(field) => change({ field: field as RuleDraft['field'] })}>
        {RULE_FIELDS.map((field) => (
          <option key={field} value={field}>
            {t(`options.rules.field.${field}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('options.rules.match.label')} value={draft.match} onChange={(match) => change({ match: match as RuleDraft['match'] })}>
        {RULE_MATCHES.map((match) => (
          <option key={match} value={match}>
            {t(`options.rules.match.${match}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('options.rules.value.label')}
        hint={draft.match === 'name-pattern' ? t('options.rules.value.hint.name-pattern') : t('options.rules.value.hint.id')}
        error={errors.value ? t(errors.value.key, errors.value.params) : undefined}
        value={draft.value}
        onChange={(value) => change({ value })}
      />
      <SelectField label={t('options.rules.preset.label')} value={draft.presetId} onChange={(presetId) => change({ presetId })}>
        {!presets.some((preset) => preset.id === draft.presetId) && <option value={draft.presetId}>{t('options.rules.preset.missing')}</option>}
        {presets.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {presetDisplayName(preset, language)}
          </option>
        ))}
      </SelectField>
      {errors.presetId && <p className="field-error">{t(errors.presetId.key)}</p>}

      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('options.saving') : t('options.rules.save')}
        </button>
        <button type="button" className="secondary" disabled={saving} onClick={onCancel}>
          {t('options.cancel')}
        </button>
      </div>
    </form>
  );
}
