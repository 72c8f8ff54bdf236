import type { PendingRequest } from '../gravitee/types';
import { oneYearPreset } from './builtins';
import { matchesGlob } from './glob';
import type { Preset, PresetSettings, Rule } from './model';

/** The request fields a rule can test. */
export type RuleTarget = Pick<PendingRequest, 'apiId' | 'apiName' | 'planId' | 'planName'>;

/** Why pickPreset chose its preset: a rule (with its 0-based position), the default, or the built-in fallback. */
export type PickReason = { kind: 'rule'; rule: Rule; index: number } | { kind: 'default' } | { kind: 'fallback' };

export interface PresetPick {
  preset: Preset;
  reason: PickReason;
}

/** Tests whether one rule matches a request. Ids compare exactly, and name patterns ignore case. */
export function ruleMatches(rule: Pick<Rule, 'field' | 'match' | 'value'>, request: RuleTarget): boolean {
  const id = rule.field === 'api' ? request.apiId : request.planId;
  const name = rule.field === 'api' ? request.apiName : request.planName;
  return rule.match === 'id' ? id === rule.value : matchesGlob(rule.value, name);
}

/**
 * Picks the preset for a request: the first matching rule whose preset exists, else the
 * connection's default preset, else the built-in "1 year". A rule or default that names a deleted
 * preset is skipped rather than failing the acceptance.
 */
export function pickPreset(settings: PresetSettings, request: RuleTarget): PresetPick {
  const byId = new Map(settings.presets.map((preset) => [preset.id, preset]));

  for (const [index, rule] of settings.rules.entries()) {
    if (!ruleMatches(rule, request)) continue;
    const preset = byId.get(rule.presetId);
    if (preset) return { preset, reason: { kind: 'rule', rule, index } };
  }

  const defaultPreset = settings.defaultPresetId === null ? undefined : byId.get(settings.defaultPresetId);
  if (defaultPreset) return { preset: defaultPreset, reason: { kind: 'default' } };

  return { preset: oneYearPreset(), reason: { kind: 'fallback' } };
}
