import { useEffect, useId, useRef, useState } from 'react';
import type { Language, Translate } from '@/lib/i18n';
import { describePreset } from '@/lib/presets/describe';
import { createId, DURATION_UNITS, MAX_ANCHORS, START_KINDS, type Preset } from '@/lib/presets/model';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { draftOf, emptyDraft, validateDraft, type DraftMessage, type EndKind, type PresetDraft } from './preset-draft';
import { previewText } from './preset-preview';

export interface PresetEditorProps {
  t: Translate;
  language: Language;
  /** The preset being edited, or null for a new one. */
  original: Preset | null;
  /** Every preset in the library, for the duplicate-name check. */
  presets: readonly Preset[];
  now: Date;
  /** Stores the preset. Resolves to false when storing failed, and the caller has shown why. */
  onSave(preset: Preset): Promise<boolean>;
  onCancel(): void;
}

const END_KINDS: readonly EndKind[] = ['duration', 'calendar', 'none'];
const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

/** Renders the form for one preset: name, start, end, and a live preview of the dates it gives now. */
export function PresetEditor({ t, language, original, presets, now, onSave, onCancel }: PresetEditorProps) {
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [id] = useState(() => original?.id ?? createId());
  const [draft, setDraft] = useState<PresetDraft>(() => (original ? draftOf(original, language) : emptyDraft()));
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);

  // The form replaces the list controls that had focus, so focus moves to its title.
  useEffect(() => titleRef.current?.focus(), []);

  const checked = validateDraft(draft, id, presets, language);
  const errors = showErrors && !checked.ok ? checked.errors : { anchorDays: {} };
  const message = (entry: DraftMessage | undefined) => (entry ? t(entry.key, entry.params) : undefined);
  const change = (patch: Partial<PresetDraft>) => setDraft((current) => ({ ...current, ...patch }));

  async function submit() {
    if (!checked.ok) {
      setShowErrors(true);
      return;
    }
    setSaving(true);
    const saved = await onSave(checked.preset);
    if (!saved) setSaving(false);
  }

  const monthName = (month: number) => new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));

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
        {original ? t('options.presets.editor.edit', { name: draftOf(original, language).name }) : t('options.presets.editor.add')}
      </h4>

      <TextField label={t('options.presets.name.label')} hint={t('options.presets.name.hint')} error={message(errors.name)} value={draft.name} onChange={(name) => change({ name })} />

      <SelectField label={t('options.presets.start.label')} value={draft.start} onChange={(start) => change({ start: start as PresetDraft['start'] })}>
        {START_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`options.presets.start.${kind}`)}
          </option>
        ))}
      </SelectField>

      <fieldset>
        <legend>{t('options.presets.end.label')}</legend>
        {END_KINDS.map((kind) => (
          <div className="checkbox-row" key={kind}>
            <label>
              <input type="radio" name={`${titleId}-end`} value={kind} checked={draft.endKind === kind} onChange={() => change({ endKind: kind })} /> {t(`options.presets.end.${kind}`)}
            </label>
          </div>
        ))}

        {draft.endKind === 'duration' && (
          <div className="field-row">
            <TextField label={t('options.presets.amount.label')} type="number" min={1} error={message(errors.amount)} value={draft.amount} onChange={(amount) => change({ amount })} />
            <SelectField label={t('options.presets.unit.label')} value={draft.unit} onChange={(unit) => change({ unit: unit as PresetDraft['unit'] })}>
              {DURATION_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`options.presets.unit.${unit}`)}
                </option>
              ))}
            </SelectField>
          </div>
        )}
        {draft.endKind === 'duration' && <p className="hint">{t('options.presets.duration.hint')}</p>}

        {draft.endKind === 'calendar' && (
          <div className="anchors">
            <p className="hint">{t('options.presets.anchors.hint')}</p>
            {draft.anchors.map((anchor, index) => (
              <div className="field-row anchor" key={index} role="group" aria-label={t('options.presets.anchor.label', { number: index + 1 })}>
                <SelectField label={t('options.presets.anchor.month')} value={anchor.month} onChange={(month) => change({ anchors: draft.anchors.map((entry, at) => (at === index ? { ...entry, month } : entry)) })}>
                  {MONTHS.map((month) => (
                    <option key={month} value={String(month)}>
                      {monthName(month)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label={t('options.presets.anchor.day')}
                  type="number"
                  min={1}
                  error={message(errors.anchorDays[index])}
                  value={anchor.day}
                  onChange={(day) => change({ anchors: draft.anchors.map((entry, at) => (at === index ? { ...entry, day } : entry)) })}
                />
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('options.presets.anchor.remove.label', { number: index + 1 })}
                  onClick={() => change({ anchors: draft.anchors.filter((_, at) => at !== index) })}
                >
                  {t('options.presets.anchor.remove')}
                </button>
              </div>
            ))}
            {errors.anchors && <p className="field-error">{message(errors.anchors)}</p>}
            <button type="button" className="secondary" disabled={draft.anchors.length >= MAX_ANCHORS} onClick={() => change({ anchors: [...draft.anchors, { month: '1', day: '1' }] })}>
              {t('options.presets.anchor.add')}
            </button>
          </div>
        )}
      </fieldset>

      <div className="preview" aria-live="polite">
        {checked.ok && (
          <>
            <p>{describePreset(checked.preset, language)}</p>
            <p>{t('options.presets.editor.preview', { dates: previewText(checked.preset, now, language, t) })}</p>
          </>
        )}
      </div>
      {showErrors && !checked.ok && <p className="field-error">{t('options.invalid.summary')}</p>}

      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('options.saving') : t('options.presets.editor.save')}
        </button>
        <button type="button" className="secondary" disabled={saving} onClick={onCancel}>
          {t('options.cancel')}
        </button>
      </div>
    </form>
  );
}
