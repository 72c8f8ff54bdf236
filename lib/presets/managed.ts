import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { builtinPresets } from './builtins';
import { idSchema, presetSchema, ruleSchema, type Preset, type PresetSettings, type Rule } from './model';
import { describeFieldProblem, findDuplicateIds, findUnknownPresets, problemsFromIssue, type FieldProblem } from './problems';

// Settings an administrator sets by browser policy (storage.managed). Chrome checks them against
// public/managed_schema.json once the manifest declares it, but Firefox has no such schema, so
// every field is checked again here. Each field is accepted or ignored as a whole, and an accepted field is locked: the user
// sees it but cannot change it. Tokens are never read from policy: a connection with any field
// beyond those below is ignored.

export const MANAGED_FIELDS = ['connections', 'presets', 'rules', 'defaultPresetId'] as const;
export type ManagedField = (typeof MANAGED_FIELDS)[number];

const httpUrlSchema = z.url({ protocol: /^https?$/ });

export const managedConnectionSchema = z.strictObject({
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))),
  consoleUrl: httpUrlSchema,
  managementUrl: httpUrlSchema,
  organization: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});

export type ManagedConnection = z.infer<typeof managedConnectionSchema>;

/** The managed values that passed every check. A field that is absent here is not managed. */
export interface ManagedSettings {
  connections?: ManagedConnection[];
  presets?: Preset[];
  rules?: Rule[];
  defaultPresetId?: string;
}

/** A managed field, or a policy name Gatekeeper does not define, that was ignored, and why. */
export interface ManagedProblem {
  field: string;
  problem: FieldProblem;
}

export interface ManagedRead {
  values: ManagedSettings;
  /** True for each field that policy sets to a valid value, so the options page must not let the user change it. */
  locked: Record<ManagedField, boolean>;
  problems: ManagedProblem[];
}

/** Log lines per ignored field; an administrator needs the first few to find the mistake. */
const MAX_LOGGED_PROBLEMS_PER_FIELD = 5;

/**
 * Reads and checks the managed settings, and logs every ignored value. Without a policy, or
 * where the browser has no managed storage (Firefox without a policy, tests), it returns no values
 * and locks nothing. A failing storage.managed call is caught and logged, not raised.
 */
export async function readManagedSettings(): Promise<ManagedRead> {
  const area = browser.storage?.managed;
  if (!area || typeof area.get !== 'function') return parseManagedSettings({});

  let raw: unknown;
  try {
    raw = await area.get(null);
  } catch (error) {
    // Firefox rejects the call when no policy names this extension, which is the normal case.
    console.info(`[managed] storage.managed is unavailable, so no policy applies: ${error instanceof Error ? error.message : String(error)}`);
    return parseManagedSettings({});
  }

  const read = parseManagedSettings(raw);
  logProblems(read.problems);
  return read;
}

/** Checks raw managed storage contents field by field. It logs nothing, so tests and callers can decide. */
export function parseManagedSettings(raw: unknown): ManagedRead {
  const values: ManagedSettings = {};
  const problems: ManagedProblem[] = [];
  const record = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) problems.push({ field: '', problem: { path: '', code: 'not-an-object', params: {} } });

  for (const key of Object.keys(record)) {
    if (!(MANAGED_FIELDS as readonly string[]).includes(key)) problems.push({ field: key, problem: { path: key, code: 'unknown-field', params: {} } });
  }

  const connections = checkField(record, 'connections', z.array(managedConnectionSchema), problems);
  if (connections) values.connections = connections;

  const presets = checkField(record, 'presets', z.array(presetSchema).check(z.minLength(1)), problems, (list) => findDuplicateIds(list, 'presets'));
  if (presets) values.presets = presets;

  // Rules and the default may name managed presets or, when presets are not managed, built-ins.
  const knownIds = new Set((presets ?? builtinPresets()).map((preset) => preset.id));

  const rules = checkField(record, 'rules', z.array(ruleSchema), problems, (list) => [
    ...findDuplicateIds(list, 'rules'),
    ...findUnknownPresets(list, knownIds, 'rules'),
  ]);
  if (rules) values.rules = rules;

  const defaultPresetId = checkField(record, 'defaultPresetId', idSchema, problems, (id) =>
    knownIds.has(id) ? [] : [{ path: 'defaultPresetId', code: 'unknown-preset', params: { value: id } }],
  );
  if (defaultPresetId !== undefined) values.defaultPresetId = defaultPresetId;

  const locked = Object.fromEntries(MANAGED_FIELDS.map((field) => [field, values[field] !== undefined])) as Record<ManagedField, boolean>;
  return { values, locked, problems };
}

/** Returns the settings in effect when policy sets some fields: each managed field replaces the user's. */
export function applyManagedSettings(settings: PresetSettings, managed: ManagedSettings): PresetSettings {
  return {
    presets: managed.presets ?? settings.presets,
    rules: managed.rules ?? settings.rules,
    defaultPresetId: managed.defaultPresetId ?? settings.defaultPresetId,
  };
}

// Parses one field with its schema and extra checks. Returns undefined when the field is absent or
// has a problem, and records the problems.
function checkField<T>(
  record: Record<string, unknown>,
  field: ManagedField,
  schema: z.ZodMiniType<T>,
  problems: ManagedProblem[],
  crossCheck: (value: T) => FieldProblem[] = () => [],
): T | undefined {
  if (record[field] === undefined) return undefined;

  // Wrapping the value under its field name makes zod's paths start with it, as in a team file.
  const parsed = z.strictObject({ [field]: schema }).safeParse({ [field]: record[field] });
  if (!parsed.success) {
    const found = parsed.error.issues.flatMap((issue) => problemsFromIssue(issue, { [field]: record[field] }));
    problems.push(...found.map((problem) => ({ field, problem })));
    return undefined;
  }

  const value = (parsed.data as Record<string, T>)[field] as T;
  const crossProblems = crossCheck(value);
  if (crossProblems.length > 0) {
    problems.push(...crossProblems.map((problem) => ({ field, problem })));
    return undefined;
  }
  return value;
}

function logProblems(problems: readonly ManagedProblem[]): void {
  const byField = new Map<string, ManagedProblem[]>();
  for (const entry of problems) byField.set(entry.field, [...(byField.get(entry.field) ?? []), entry]);

  for (const [field, entries] of byField) {
    const shown = entries.slice(0, MAX_LOGGED_PROBLEMS_PER_FIELD).map((entry) => describeFieldProblem(entry.problem, 'en'));
    const more = entries.length > shown.length ? ` (and ${entries.length - shown.length} more)` : '';
    console.warn(`[managed] ignored the policy "${field}": ${shown.join(' ')}${more}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
