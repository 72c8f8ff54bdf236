import { builtinPresets, defaultPresetSettings } from '@/lib/presets/builtins';
import type { PresetSettings } from '@/lib/presets/model';
import { describeFieldProblem, type FieldProblem } from '@/lib/presets/problems';
import { exportTeamFile, MAX_TEAM_FILE_CHARS, parseTeamFile } from '@/lib/presets/team-file';

function validFile(): Record<string, unknown> {
  return {
    format: 'gatekeeper-presets',
    version: 1,
    presets: [
      { id: 'p30', name: '30 days', start: 'now', end: { kind: 'duration', amount: 30, unit: 'days' } },
      { id: 'sem', name: 'Semester', start: 'next-day', end: { kind: 'calendar', anchors: [{ month: 6, day: 30 }, { month: 12, day: 31 }] } },
      { id: 'open', name: 'Open', start: 'now', end: { kind: 'none' } },
    ],
    rules: [{ id: 'r1', field: 'plan', match: 'name-pattern', value: 'Student*', presetId: 'sem' }],
    defaultPresetId: 'p30',
  };
}

/** Returns the problems of a rejected file, and fails the test if the file was accepted. */
function problemsOf(text: string): FieldProblem[] {
  const result = parseTeamFile(text);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
}

function edited(change: (file: Record<string, unknown>) => void): string {
  const file = validFile();
  change(file);
  return JSON.stringify(file);
}

const presetAt = (file: Record<string, unknown>, index: number) => (file.presets as Record<string, unknown>[])[index] as Record<string, unknown>;
const endAt = (file: Record<string, unknown>, index: number) => presetAt(file, index).end as Record<string, unknown>;

describe('parseTeamFile', () => {
  it('accepts valid file', () => {
    const result = parseTeamFile(JSON.stringify(validFile()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.file.presets.map((preset) => preset.id)).toEqual(['p30', 'sem', 'open']);
  });

  it('rejects bad JSON', () => {
    const problems = problemsOf('{"format": "gatekeeper-presets",');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('invalid-json');
    expect(problems[0]?.path).toBe('');
    expect(describeFieldProblem(problems[0]!, 'en')).toMatch(/^The file is not valid JSON \(.+\)\./);
  });

  it('rejects JSON that is not an object', () => {
    const problems = problemsOf('[1, 2]');
    expect(problems[0]?.code).toBe('not-an-object');
  });

  it('rejects oversized file', () => {
    const problems = problemsOf(' '.repeat(MAX_TEAM_FILE_CHARS + 1));
    expect(problems[0]?.code).toBe('too-large');
  });

  it('rejects wrong format', () => {
    const problems = problemsOf(edited((file) => (file.format = 'something-else')));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('format');
    expect(problems[0]?.code).toBe('unknown-format');
    expect(describeFieldProblem(problems[0]!, 'en')).toContain('this is not a Gatekeeper preset file');
  });

  it('rejects future version', () => {
    const problems = problemsOf(edited((file) => (file.version = 2)));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('version');
    expect(problems[0]?.code).toBe('future-version');
    expect(describeFieldProblem(problems[0]!, 'en')).toBe('version: the file has version 2, which a newer Gatekeeper wrote. Update Gatekeeper, then import it again.');
    expect(describeFieldProblem(problems[0]!, 'nb')).toContain('versjon 2');
  });

  it('rejects non-integer version', () => {
    const problems = problemsOf(edited((file) => (file.version = '1')));
    expect(problems[0]?.path).toBe('version');
    expect(problems[0]?.code).toBe('invalid-version');
  });

  it('rejects missing field', () => {
    const problems = problemsOf(edited((file) => delete presetAt(file, 1).name));
    expect(problems).toEqual([{ path: 'presets[1].name', code: 'missing', params: {} }]);
    expect(describeFieldProblem(problems[0]!, 'en')).toBe('presets[1].name is missing. Add it.');
  });

  it('rejects missing rules list', () => {
    const problems = problemsOf(edited((file) => delete file.rules));
    expect(problems).toEqual([{ path: 'rules', code: 'missing', params: {} }]);
  });

  it('rejects negative amount', () => {
    const problems = problemsOf(edited((file) => (endAt(file, 0).amount = -3)));
    expect(problems).toEqual([{ path: 'presets[0].end.amount', code: 'too-small', params: { minimum: 1 } }]);
    expect(describeFieldProblem(problems[0]!, 'en')).toBe('presets[0].end.amount must be at least 1.');
    expect(describeFieldProblem(problems[0]!, 'nb')).toBe('presets[0].end.amount må være minst 1.');
  });

  it('rejects fractional amount', () => {
    const problems = problemsOf(edited((file) => (endAt(file, 0).amount = 2.5)));
    expect(problems).toEqual([{ path: 'presets[0].end.amount', code: 'not-whole-number', params: {} }]);
  });

  it('rejects amount given as text', () => {
    const problems = problemsOf(edited((file) => (endAt(file, 0).amount = '30')));
    expect(problems).toEqual([{ path: 'presets[0].end.amount', code: 'wrong-type', params: { expected: 'number' } }]);
    expect(describeFieldProblem(problems[0]!, 'en')).toBe('presets[0].end.amount must be a number.');
    expect(describeFieldProblem(problems[0]!, 'nb')).toBe('presets[0].end.amount må være et tall.');
  });

  it('rejects unknown unit', () => {
    const problems = problemsOf(edited((file) => (endAt(file, 0).unit = 'fortnights')));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('presets[0].end.unit');
    expect(problems[0]?.code).toBe('invalid-value');
    expect(describeFieldProblem(problems[0]!, 'en')).toBe('presets[0].end.unit must be one of: "days", "weeks", "months", "years".');
  });

  it('rejects unknown end kind', () => {
    const problems = problemsOf(edited((file) => (presetAt(file, 2).end = { kind: 'forever' })));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('presets[2].end.kind');
    expect(problems[0]?.code).toBe('invalid-value');
    expect(problems[0]?.params.allowed).toBe('"duration", "calendar", "none"');
  });

  it('rejects anchor month out of range', () => {
    const problems = problemsOf(edited((file) => (endAt(file, 1).anchors = [{ month: 13, day: 1 }])));
    expect(problems).toEqual([{ path: 'presets[1].end.anchors[0].month', code: 'too-big', params: { maximum: 12 } }]);
  });

  it('rejects empty and blank names', () => {
    const problems = problemsOf(edited((file) => (presetAt(file, 0).name = '   ')));
    expect(problems).toEqual([{ path: 'presets[0].name', code: 'empty', params: {} }]);
  });

  it('rejects invalid id characters', () => {
    const problems = problemsOf(edited((file) => (presetAt(file, 0).id = 'has space')));
    expect(problems).toEqual([{ path: 'presets[0].id', code: 'invalid-id', params: {} }]);
  });

  it('rejects unknown field such as token', () => {
    const problems = problemsOf(edited((file) => (file.token = 'secret')));
    expect(problems).toEqual([{ path: 'token', code: 'unknown-field', params: {} }]);
    expect(describeFieldProblem(problems[0]!, 'en')).toBe('token is an unknown field. Remove it.');
  });

  it('rejects duplicate preset ids', () => {
    const problems = problemsOf(edited((file) => (presetAt(file, 2).id = 'p30')));
    expect(problems).toEqual([{ path: 'presets[2].id', code: 'duplicate-id', params: { value: 'p30' } }]);
    expect(describeFieldProblem(problems[0]!, 'en')).toBe('presets[2].id: the id "p30" is used twice. Give each entry its own id.');
  });

  it('rejects rule naming unknown preset', () => {
    const problems = problemsOf(edited((file) => ((file.rules as Record<string, unknown>[])[0]!.presetId = 'gone')));
    expect(problems).toEqual([{ path: 'rules[0].presetId', code: 'unknown-preset', params: { value: 'gone' } }]);
    expect(describeFieldProblem(problems[0]!, 'en')).toContain('names the preset "gone", which is not in the file');
  });

  it('rejects default naming unknown preset', () => {
    const problems = problemsOf(edited((file) => (file.defaultPresetId = 'gone')));
    expect(problems).toEqual([{ path: 'defaultPresetId', code: 'unknown-preset', params: { value: 'gone' } }]);
  });

  it('reports every field problem at once', () => {
    const problems = problemsOf(
      edited((file) => {
        endAt(file, 0).amount = 0;
        presetAt(file, 1).start = 'yesterday';
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual(['presets[0].end.amount', 'presets[1].start']);
  });
});

describe('exportTeamFile', () => {
  it('round-trips through import', () => {
    const settings: PresetSettings = {
      presets: [...builtinPresets('nb'), { id: 'custom', name: 'Kurs', start: 'next-week', end: { kind: 'duration', amount: 10, unit: 'weeks' } }],
      defaultPresetId: 'custom',
      rules: [
        { id: 'r1', field: 'api', match: 'id', value: 'c4a1e0d2', presetId: 'builtin-90-days' },
        { id: 'r2', field: 'plan', match: 'name-pattern', value: 'Student*', presetId: 'builtin-semester' },
      ],
    };
    const result = parseTeamFile(exportTeamFile(settings));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.presets).toEqual(settings.presets);
    expect(result.file.rules).toEqual(settings.rules);
    expect(result.file.defaultPresetId).toBe('custom');
  });

  it('writes format, version and no secrets', () => {
    const settings = { ...defaultPresetSettings(), token: 'secret-token' } as PresetSettings;
    const text = exportTeamFile(settings);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed.format).toBe('gatekeeper-presets');
    expect(parsed.version).toBe(1);
    expect(Object.keys(parsed).sort()).toEqual(['defaultPresetId', 'format', 'presets', 'rules', 'version']);
    expect(text).not.toContain('secret-token');
  });

  it('leaves out dangling rules and default', () => {
    const settings: PresetSettings = {
      presets: builtinPresets(),
      defaultPresetId: 'deleted',
      rules: [{ id: 'r1', field: 'api', match: 'id', value: 'x', presetId: 'deleted' }],
    };
    const parsed = JSON.parse(exportTeamFile(settings)) as Record<string, unknown>;
    expect(parsed.rules).toEqual([]);
    expect('defaultPresetId' in parsed).toBe(false);
    expect(parseTeamFile(exportTeamFile(settings)).ok).toBe(true);
  });
});
