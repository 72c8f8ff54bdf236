import type { MessageKey } from '@/lib/i18n';
import { MAX_RULE_VALUE_LENGTH, ruleSchema, type Rule, type RuleField, type RuleMatch } from '@/lib/presets/model';

export interface RuleDraft {
  field: RuleField;
  match: RuleMatch;
  value: string;
  presetId: string;
}

export interface RuleDraftErrors {
  value?: { key: MessageKey; params?: Record<string, number> };
  presetId?: { key: MessageKey };
}

export type ValidatedRule = { ok: true; rule: Rule } | { ok: false; errors: RuleDraftErrors };

/** Returns the form of a new rule: a plan name pattern, with the first preset chosen. */
export function emptyRuleDraft(presetIds: readonly string[]): RuleDraft {
  return { field: 'plan', match: 'name-pattern', value: '', presetId: presetIds[0] ?? '' };
}

/** Checks a rule form with ruleSchema, and that its preset exists, because pickPreset skips a rule whose preset is gone. */
export function validateRuleDraft(draft: RuleDraft, id: string, presetIds: ReadonlySet<string>): ValidatedRule {
  const errors: RuleDraftErrors = {};
  const parsed = ruleSchema.safeParse({ id, ...draft });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'value') {
        errors.value = issue.code === 'too_big' ? { key: 'options.rules.invalid.value.long', params: { maximum: MAX_RULE_VALUE_LENGTH } } : { key: 'options.rules.invalid.value.missing' };
      }
      if (issue.path[0] === 'presetId') errors.presetId = { key: 'options.rules.invalid.preset' };
    }
  }
  if (!presetIds.has(draft.presetId)) errors.presetId = { key: 'options.rules.invalid.preset' };

  if (!parsed.success || errors.value || errors.presetId) return { ok: false, errors };
  return { ok: true, rule: parsed.data };
}
