import { z } from 'zod/mini';
import { idSchema, presetSchema, ruleSchema, type Preset, type PresetSettings, type Rule } from './model';
import { findDuplicateIds, findUnknownPresets, problemsFromIssue, type FieldProblem } from './problems';

// A team file shares presets and rules between colleagues. It contains no connection and no token:
// the exporter copies only the fields named in the schema, and the importer rejects unknown fields.

export const TEAM_FILE_FORMAT = 'gatekeeper-presets';
export const TEAM_FILE_VERSION = 1;

/** Largest file the importer reads, in characters. A preset takes about 150 characters, so this allows thousands. */
export const MAX_TEAM_FILE_CHARS = 1_000_000;

export const teamFileSchema = z.strictObject({
  format: z.literal(TEAM_FILE_FORMAT),
  version: z.literal(TEAM_FILE_VERSION),
  presets: z.array(presetSchema),
  rules: z.array(ruleSchema),
  defaultPresetId: z.optional(idSchema),
});

export type TeamFile = z.infer<typeof teamFileSchema>;

export type TeamFileImport = { ok: true; file: TeamFile } | { ok: false; problems: FieldProblem[] };

/**
 * Writes presets and rules as a team file, formatted for reading and diffs. Rules and a default
 * that name a preset missing from `settings.presets` are left out, because pickPreset skips them
 * and the importer would reject them.
 */
export function exportTeamFile(settings: PresetSettings): string {
  const presetIds = new Set(settings.presets.map((preset) => preset.id));
  const file: TeamFile = {
    format: TEAM_FILE_FORMAT,
    version: TEAM_FILE_VERSION,
    presets: settings.presets.map(copyPreset),
    rules: settings.rules.filter((rule) => presetIds.has(rule.presetId)).map(copyRule),
  };
  if (settings.defaultPresetId !== null && presetIds.has(settings.defaultPresetId)) file.defaultPresetId = settings.defaultPresetId;
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Parses and checks a team file. Any problem rejects the whole file, so a caller never applies
 * part of it. Returns every problem the schema and the cross-checks found, or the first problem
 * with the file as a whole (not JSON, another format, a newer version).
 */
export function parseTeamFile(text: string): TeamFileImport {
  if (text.length > MAX_TEAM_FILE_CHARS) return reject({ path: '', code: 'too-large', params: { maximum: MAX_TEAM_FILE_CHARS } });

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return reject({ path: '', code: 'invalid-json', params: { detail: error instanceof Error ? error.message : String(error) } });
  }

  const envelopeProblem = checkEnvelope(data);
  if (envelopeProblem) return reject(envelopeProblem);

  const parsed = teamFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap((issue) => problemsFromIssue(issue, data)) };

  const crossProblems = checkReferences(parsed.data);
  if (crossProblems.length > 0) return { ok: false, problems: crossProblems };
  return { ok: true, file: parsed.data };
}

function reject(problem: FieldProblem): TeamFileImport {
  return { ok: false, problems: [problem] };
}

// Checks the fields that make the input a team file, so a file of another kind gets one clear
// problem instead of one per field.
function checkEnvelope(data: unknown): FieldProblem | null {
  if (!isRecord(data)) return { path: '', code: 'not-an-object', params: {} };
  if (data.format !== TEAM_FILE_FORMAT) return { path: 'format', code: 'unknown-format', params: { value: String(data.format) } };

  const version = data.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > TEAM_FILE_VERSION) {
    return { path: 'version', code: 'future-version', params: { version } };
  }
  if (version !== TEAM_FILE_VERSION) return { path: 'version', code: 'invalid-version', params: { value: String(version) } };
  return null;
}

// Checks what the schema cannot: unique ids, and presets that the rules and the default name.
function checkReferences(file: TeamFile): FieldProblem[] {
  const presetIds = new Set(file.presets.map((preset) => preset.id));
  const problems = [
    ...findDuplicateIds(file.presets, 'presets'),
    ...findDuplicateIds(file.rules, 'rules'),
    ...findUnknownPresets(file.rules, presetIds, 'rules'),
  ];
  if (file.defaultPresetId !== undefined && !presetIds.has(file.defaultPresetId)) {
    problems.push({ path: 'defaultPresetId', code: 'unknown-preset', params: { value: file.defaultPresetId } });
  }
  return problems;
}

function copyPreset(preset: Preset): Preset {
  const end = preset.end;
  const endCopy: Preset['end'] =
    end.kind === 'duration'
      ? { kind: 'duration', amount: end.amount, unit: end.unit }
      : end.kind === 'calendar'
        ? { kind: 'calendar', anchors: end.anchors.map((anchor) => ({ month: anchor.month, day: anchor.day })) }
        : { kind: 'none' };
  return { id: preset.id, name: preset.name, start: preset.start, end: endCopy };
}

function copyRule(rule: Rule): Rule {
  return { id: rule.id, field: rule.field, match: rule.match, value: rule.value, presetId: rule.presetId };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

