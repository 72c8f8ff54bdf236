import { builtinPresets, ONE_YEAR_PRESET_ID } from '@/lib/presets/builtins';
import { describePickReason } from '@/lib/presets/describe';
import { matchesGlob } from '@/lib/presets/glob';
import type { Preset, PresetSettings, Rule } from '@/lib/presets/model';
import { pickPreset, ruleMatches, type RuleTarget } from '@/lib/presets/rules';

const request: RuleTarget = { apiId: 'c4a1e0d2-api', apiName: 'Student Records', planId: 'f00d-plan', planName: 'Gold (v2.0)' };

const semesterPreset: Preset = { id: 'semester', name: 'Semester', start: 'now', end: { kind: 'calendar', anchors: [{ month: 6, day: 30 }] } };
const shortPreset: Preset = { id: 'short', name: 'Short', start: 'now', end: { kind: 'duration', amount: 7, unit: 'days' } };
const presets = [semesterPreset, shortPreset];

function rule(partial: Partial<Rule> & Pick<Rule, 'field' | 'match' | 'value'>): Rule {
  return { id: `rule-${partial.value.replace(/[^A-Za-z0-9]/g, '')}`, presetId: 'short', ...partial };
}

describe('matchesGlob', () => {
  const cases: [pattern: string, text: string, expected: boolean][] = [
    ['Student*', 'Student Records', true],
    ['Student*', 'STUDENT', true],
    ['student*', 'Students API', true],
    ['Student*', 'Old Student Records', false],
    ['*Records', 'Student Records', true],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['v?', 'v1', true],
    ['v?', 'v10', false],
    ['v?', 'v', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXcYYb', false],
    // Regular-expression characters are literal.
    ['Gold (v2.0)', 'gold (v2.0)', true],
    ['Gold (v2.0)', 'Gold (v2x0)', false],
    ['a.b', 'axb', false],
    ['[a-z]*', 'abc', false],
    ['[a-z]*', '[a-z] list', true],
    ['^API$', 'API', false],
    ['^API$', '^api$', true],
    ['C:\\data\\*', 'c:\\data\\x', true],
    ['a+', 'aaa', false],
    ['(a|b)', 'a', false],
    // `?` is one character, also outside the Basic Multilingual Plane.
    ['Team ?', 'Team 🚀', true],
    ['Æ*', 'æble-API', true],
  ];

  it.each(cases)('%j against %j is %s', (pattern, text, expected) => {
    expect(matchesGlob(pattern, text)).toBe(expected);
  });

  it('rejects pathological pattern quickly', () => {
    const started = performance.now();
    expect(matchesGlob(`${'*a'.repeat(30)}*b`, 'a'.repeat(200))).toBe(false);
    // A backtracking regular expression could take far longer, but this loop needs at most about 61 × 200 steps.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('ruleMatches', () => {
  it('matches API id exactly', () => {
    expect(ruleMatches({ field: 'api', match: 'id', value: 'c4a1e0d2-api' }, request)).toBe(true);
    expect(ruleMatches({ field: 'api', match: 'id', value: 'C4A1E0D2-API' }, request)).toBe(false);
    expect(ruleMatches({ field: 'api', match: 'id', value: 'c4a1e0d2' }, request)).toBe(false);
  });

  it('does not treat id as pattern', () => {
    expect(ruleMatches({ field: 'plan', match: 'id', value: 'f00d-*' }, request)).toBe(false);
  });

  it('matches plan id, not API id, for plan field', () => {
    expect(ruleMatches({ field: 'plan', match: 'id', value: 'f00d-plan' }, request)).toBe(true);
    expect(ruleMatches({ field: 'plan', match: 'id', value: 'c4a1e0d2-api' }, request)).toBe(false);
  });

  it('matches names by pattern per field', () => {
    expect(ruleMatches({ field: 'api', match: 'name-pattern', value: 'student*' }, request)).toBe(true);
    expect(ruleMatches({ field: 'plan', match: 'name-pattern', value: 'student*' }, request)).toBe(false);
    expect(ruleMatches({ field: 'plan', match: 'name-pattern', value: 'gold (v2.?)' }, request)).toBe(true);
  });
});

describe('pickPreset', () => {
  it('returns first matching rule', () => {
    const rules = [
      rule({ field: 'api', match: 'name-pattern', value: 'Teacher*', presetId: 'short' }),
      rule({ field: 'plan', match: 'name-pattern', value: 'Gold*', presetId: 'semester' }),
      rule({ field: 'api', match: 'name-pattern', value: 'Student*', presetId: 'short' }),
    ];
    const pick = pickPreset({ presets, defaultPresetId: 'short', rules }, request);
    expect(pick.preset.id).toBe('semester');
    expect(pick.reason).toEqual({ kind: 'rule', rule: rules[1], index: 1 });
    expect(describePickReason(pick.reason, 'en')).toBe('Rule 2: the plan name matches Gold*');
    expect(describePickReason(pick.reason, 'nb')).toBe('Regel 2: plannavnet passer med Gold*');
  });

  it('skips rule whose preset is gone', () => {
    const rules = [
      rule({ field: 'api', match: 'id', value: 'c4a1e0d2-api', presetId: 'deleted' }),
      rule({ field: 'api', match: 'name-pattern', value: '*', presetId: 'semester' }),
    ];
    const pick = pickPreset({ presets, defaultPresetId: null, rules }, request);
    expect(pick.preset.id).toBe('semester');
    expect(pick.reason).toMatchObject({ kind: 'rule', index: 1 });
  });

  it('falls back to connection default', () => {
    const rules = [rule({ field: 'api', match: 'name-pattern', value: 'Teacher*', presetId: 'semester' })];
    const pick = pickPreset({ presets, defaultPresetId: 'short', rules }, request);
    expect(pick.preset).toEqual(shortPreset);
    expect(pick.reason).toEqual({ kind: 'default' });
    expect(describePickReason(pick.reason, 'en')).toBe('Default preset for this connection');
  });

  it('falls back to built-in 1 year', () => {
    const settings: PresetSettings = { presets, defaultPresetId: null, rules: [] };
    const pick = pickPreset(settings, request);
    expect(pick.preset.id).toBe(ONE_YEAR_PRESET_ID);
    expect(pick.preset.end).toEqual({ kind: 'duration', amount: 1, unit: 'years' });
    expect(pick.reason).toEqual({ kind: 'fallback' });
  });

  it('falls back when default preset is gone', () => {
    const pick = pickPreset({ presets, defaultPresetId: 'deleted', rules: [] }, request);
    expect(pick.reason).toEqual({ kind: 'fallback' });
  });

  it('uses shipped 1 year over edited copy', () => {
    const edited = builtinPresets().map((preset) =>
      preset.id === ONE_YEAR_PRESET_ID ? { ...preset, end: { kind: 'duration' as const, amount: 2, unit: 'days' as const } } : preset,
    );
    const pick = pickPreset({ presets: edited, defaultPresetId: null, rules: [] }, request);
    expect(pick.preset.end).toEqual({ kind: 'duration', amount: 1, unit: 'years' });
  });
});
