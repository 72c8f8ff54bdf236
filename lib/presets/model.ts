import { z } from 'zod/mini';

// Validity presets and the rules that pick them. The same schemas check stored settings, team
// files and managed storage. Objects are strict, so a misspelt field or a stray `token` is an
// error instead of being carried along silently.

export const DURATION_UNITS = ['days', 'weeks', 'months', 'years'] as const;
export const START_KINDS = ['now', 'next-day', 'next-week', 'next-month'] as const;

/**
 * Largest duration amount. 5000 years from 2026 is year 7026, so every computed end keeps a
 * four-digit year. From year 10000 on, `Date.toISOString()` prints a signed six-digit year.
 */
export const MAX_DURATION_AMOUNT = 5000;
export const MAX_NAME_LENGTH = 60;
export const MAX_ANCHORS = 24;
export const MAX_RULE_VALUE_LENGTH = 200;

/** Preset and rule ids: 1 to 64 letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const idSchema = z.string().check(z.regex(ID_PATTERN));

export const presetNameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_NAME_LENGTH));

export const durationEndSchema = z.strictObject({
  kind: z.literal('duration'),
  amount: z.int().check(z.minimum(1), z.maximum(MAX_DURATION_AMOUNT)),
  unit: z.enum(DURATION_UNITS),
});

/**
 * A day of the year that ends a calendar preset. Day 31 in a shorter month, and 29 February in a
 * common year, mean that month's last day, so any day from 1 to 31 is accepted.
 */
export const calendarAnchorSchema = z.strictObject({
  month: z.int().check(z.minimum(1), z.maximum(12)),
  day: z.int().check(z.minimum(1), z.maximum(31)),
});

export const calendarEndSchema = z.strictObject({
  kind: z.literal('calendar'),
  anchors: z.array(calendarAnchorSchema).check(z.minLength(1), z.maxLength(MAX_ANCHORS)),
});

export const noEndSchema = z.strictObject({ kind: z.literal('none') });

export const presetEndSchema = z.discriminatedUnion('kind', [durationEndSchema, calendarEndSchema, noEndSchema]);

export const presetStartSchema = z.enum(START_KINDS);

export const presetSchema = z.strictObject({
  id: idSchema,
  name: presetNameSchema,
  start: presetStartSchema,
  end: presetEndSchema,
});

export const RULE_FIELDS = ['api', 'plan'] as const;
export const RULE_MATCHES = ['id', 'name-pattern'] as const;

/**
 * A rule that picks `presetId` for requests whose API or plan matches `value`. With match `id` the
 * value is compared exactly, and with `name-pattern` it is a case-insensitive glob (`*`, `?`).
 */
export const ruleSchema = z.strictObject({
  id: idSchema,
  field: z.enum(RULE_FIELDS),
  match: z.enum(RULE_MATCHES),
  value: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_RULE_VALUE_LENGTH)),
  presetId: idSchema,
});

export type DurationUnit = (typeof DURATION_UNITS)[number];
export type StartKind = (typeof START_KINDS)[number];
export type CalendarAnchor = z.infer<typeof calendarAnchorSchema>;
export type PresetEnd = z.infer<typeof presetEndSchema>;
export type Preset = z.infer<typeof presetSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleMatch = (typeof RULE_MATCHES)[number];

/** The preset choices that apply to one connection, because API and plan ids differ per installation. */
export const connectionPresetSettingsSchema = z.strictObject({
  defaultPresetId: z.nullable(idSchema),
  rules: z.array(ruleSchema),
});

export type ConnectionPresetSettings = z.infer<typeof connectionPresetSettingsSchema>;

/** The presets and rules in effect for one connection: what `pickPreset` reads. */
export interface PresetSettings {
  presets: Preset[];
  defaultPresetId: string | null;
  rules: Rule[];
}

/** Returns a new random preset or rule id that matches ID_PATTERN. */
export function createId(): string {
  return crypto.randomUUID();
}
