import type { Language, MessageKey } from '@/lib/i18n';
import { presetDisplayName } from '@/lib/presets/builtins';
import { MAX_ANCHORS, MAX_DURATION_AMOUNT, MAX_NAME_LENGTH, presetSchema, type DurationUnit, type Preset, type StartKind } from '@/lib/presets/model';

// The preset form keeps what the user typed as strings, and presetSchema (the same zod model that
// checks stored settings and team files) decides what is valid. Its issues are turned into
// messages next to the fields.

export type EndKind = Preset['end']['kind'];

export interface AnchorDraft {
  month: string;
  day: string;
}

export interface PresetDraft {
  name: string;
  start: StartKind;
  endKind: EndKind;
  amount: string;
  unit: DurationUnit;
  anchors: AnchorDraft[];
}

/** A field message: its key and placeholder values. */
export interface DraftMessage {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface PresetDraftErrors {
  name?: DraftMessage;
  amount?: DraftMessage;
  anchors?: DraftMessage;
  /** Messages for single end dates, by position. */
  anchorDays: Record<number, DraftMessage>;
}

export type ValidatedDraft = { ok: true; preset: Preset } | { ok: false; errors: PresetDraftErrors };

/** Returns the form of a new preset: one year from acceptance, with semester ends ready if the user switches to dates. */
export function emptyDraft(): PresetDraft {
  return { name: '', start: 'now', endKind: 'duration', amount: '1', unit: 'years', anchors: [{ month: '6', day: '30' }, { month: '12', day: '31' }] };
}

/** Returns the form of an existing preset. Fields the preset does not use keep the defaults of a new one. */
export function draftOf(preset: Preset, language: Language): PresetDraft {
  const draft: PresetDraft = { ...emptyDraft(), name: presetDisplayName(preset, language), start: preset.start, endKind: preset.end.kind };
  if (preset.end.kind === 'duration') {
    draft.amount = String(preset.end.amount);
    draft.unit = preset.end.unit;
  }
  if (preset.end.kind === 'calendar') draft.anchors = preset.end.anchors.map((anchor) => ({ month: String(anchor.month), day: String(anchor.day) }));
  return draft;
}

/**
 * Checks a draft with presetSchema, and that no other preset has the same name. Names are
 * compared trimmed and ignoring case, because the Accept menu and the rule editor show only names,
 * so two presets with one name would look the same there. Ids stay unique on their own.
 */
export function validateDraft(draft: PresetDraft, id: string, others: readonly Preset[], language: Language): ValidatedDraft {
  const candidate = { id, name: draft.name, start: draft.start, end: endOf(draft) };
  const parsed = presetSchema.safeParse(candidate);
  const errors: PresetDraftErrors = { anchorDays: {} };

  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second, third, fourth] = issue.path;
      if (first === 'name') errors.name = issue.code === 'too_big' ? { key: 'options.presets.invalid.name.long', params: { maximum: MAX_NAME_LENGTH } } : { key: 'options.presets.invalid.name.missing' };
      if (first === 'end' && second === 'amount') errors.amount = { key: 'options.presets.invalid.amount', params: { maximum: MAX_DURATION_AMOUNT } };
      if (first === 'end' && second === 'anchors' && third === undefined) {
        errors.anchors = issue.code === 'too_big' ? { key: 'options.presets.invalid.anchors.many', params: { maximum: MAX_ANCHORS } } : { key: 'options.presets.invalid.anchors.missing' };
      }
      if (first === 'end' && second === 'anchors' && typeof third === 'number' && fourth === 'day') errors.anchorDays[third] = { key: 'options.presets.invalid.anchor-day' };
    }
  }

  const name = draft.name.trim().toLowerCase();
  const nameInUse = others.some((other) => other.id !== id && (other.name.trim().toLowerCase() === name || presetDisplayName(other, language).trim().toLowerCase() === name));
  if (name !== '' && nameInUse) errors.name = { key: 'options.presets.invalid.name.duplicate' };

  const invalid = errors.name || errors.amount || errors.anchors || Object.keys(errors.anchorDays).length > 0;
  if (invalid || !parsed.success) return { ok: false, errors };
  return { ok: true, preset: parsed.data };
}

// Builds the end as the schema expects it. Text that is not a number becomes NaN, which the
// schema reports like any other invalid amount or day.
function endOf(draft: PresetDraft): unknown {
  switch (draft.endKind) {
    case 'none':
      return { kind: 'none' };
    case 'duration':
      return { kind: 'duration', amount: toNumber(draft.amount), unit: draft.unit };
    case 'calendar':
      return { kind: 'calendar', anchors: draft.anchors.map((anchor) => ({ month: toNumber(anchor.month), day: toNumber(anchor.day) })) };
  }
}

function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
