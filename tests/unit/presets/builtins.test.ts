import { builtinPresets, defaultPresetSettings, ONE_YEAR_PRESET_ID, presetDisplayName } from '@/lib/presets/builtins';
import { describePreset, formatAnchors, formatDuration } from '@/lib/presets/describe';
import { presetSchema, type Preset } from '@/lib/presets/model';

describe('builtinPresets', () => {
  it('lists the six built-ins in order', () => {
    expect(builtinPresets().map((preset) => preset.name)).toEqual(['30 days', '90 days', '6 months', '1 year', 'Until end of semester', 'No end date']);
    expect(builtinPresets('nb').map((preset) => preset.name)).toEqual(['30 dager', '90 dager', '6 måneder', '1 år', 'Til semesterslutt', 'Ingen sluttdato']);
  });

  it('passes the preset schema with unique ids', () => {
    const presets = builtinPresets();
    for (const preset of presets) expect(presetSchema.safeParse(preset).success).toBe(true);
    expect(new Set(presets.map((preset) => preset.id)).size).toBe(presets.length);
  });

  it('returns independent copies', () => {
    const first = builtinPresets();
    const semester = first.find((preset) => preset.id === 'builtin-semester');
    if (semester?.end.kind === 'calendar') semester.end.anchors.push({ month: 1, day: 1 });
    const second = builtinPresets().find((preset) => preset.id === 'builtin-semester');
    expect(second?.end).toEqual({ kind: 'calendar', anchors: [{ month: 6, day: 30 }, { month: 12, day: 31 }] });
  });

  it('defaults new connections to 1 year', () => {
    const settings = defaultPresetSettings();
    expect(settings.defaultPresetId).toBe(ONE_YEAR_PRESET_ID);
    expect(settings.rules).toEqual([]);
    expect(settings.presets.some((preset) => preset.id === ONE_YEAR_PRESET_ID)).toBe(true);
  });
});

describe('presetDisplayName', () => {
  it('translates unchanged built-in name', () => {
    expect(presetDisplayName({ id: 'builtin-30-days', name: '30 days' }, 'nb')).toBe('30 dager');
    expect(presetDisplayName({ id: 'builtin-30-days', name: '30 dager' }, 'en')).toBe('30 days');
  });

  it('keeps renamed built-in name', () => {
    expect(presetDisplayName({ id: 'builtin-30-days', name: 'One month-ish' }, 'nb')).toBe('One month-ish');
  });

  it('keeps user preset name', () => {
    expect(presetDisplayName({ id: 'mine', name: '30 days' }, 'nb')).toBe('30 days');
  });
});

describe('describePreset', () => {
  it('describes duration from now', () => {
    const preset = { start: 'now', end: { kind: 'duration', amount: 30, unit: 'days' } } as const;
    expect(describePreset(preset, 'en')).toBe('Starts when the request is accepted, ends at the end of the day 30 days later.');
    expect(describePreset(preset, 'nb')).toBe('Starter når forespørselen godkjennes, slutter ved slutten av dagen 30 dager senere.');
  });

  it('describes calendar anchors', () => {
    const preset: Pick<Preset, 'start' | 'end'> = { start: 'next-week', end: { kind: 'calendar', anchors: [{ month: 6, day: 30 }, { month: 12, day: 31 }] } };
    expect(describePreset(preset, 'en')).toBe('Starts at the beginning of next Monday, ends at the end of the next June 30 or December 31.');
    expect(describePreset(preset, 'nb')).toBe('Starter ved begynnelsen av neste mandag, slutter ved slutten av neste 30. juni eller 31. desember.');
  });

  it('describes no end date', () => {
    expect(describePreset({ start: 'next-month', end: { kind: 'none' } }, 'en')).toBe('Starts on the first day of next month, has no end date.');
  });

  it('uses singular and plural forms', () => {
    expect(formatDuration(1, 'weeks', 'en')).toBe('1 week');
    expect(formatDuration(2, 'weeks', 'nb')).toBe('2 uker');
    expect(formatDuration(1, 'months', 'nb')).toBe('1 måned');
    expect(formatDuration(5, 'years', 'nb')).toBe('5 år');
  });

  it('shows clamped anchor days', () => {
    expect(formatAnchors([{ month: 6, day: 31 }], 'en')).toBe('June 30');
    expect(formatAnchors([{ month: 2, day: 29 }], 'nb')).toBe('29. februar');
  });
});
