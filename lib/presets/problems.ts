import type { z } from 'zod/mini';
import type { Language } from '../i18n/language';
import type { PresetMessageKey } from '../i18n/presets';
import { presetText } from './messages';

// Problems found in a team file or in managed storage, as a field path and a closed set of codes,
// so the import dialog and the managed-storage log describe them in the same plain words.

export type FieldProblemCode =
  | 'too-large'
  | 'invalid-json'
  | 'not-an-object'
  | 'unknown-format'
  | 'future-version'
  | 'invalid-version'
  | 'missing'
  | 'wrong-type'
  | 'not-whole-number'
  | 'too-small'
  | 'too-big'
  | 'empty'
  | 'too-long'
  | 'too-many'
  | 'invalid-value'
  | 'invalid-id'
  | 'invalid-url'
  | 'unknown-field'
  | 'duplicate-id'
  | 'unknown-preset'
  | 'invalid';

/**
 * One problem with a field. `path` is the field's position, such as `presets[2].end.amount`, and
 * is empty for problems with the whole input. `params` fill the message's placeholders.
 */
export interface FieldProblem {
  path: string;
  code: FieldProblemCode;
  params: Record<string, string | number>;
}

// The type names that zod reports in `expected` for the preset schemas, and their message keys.
const EXPECTED_TYPE_KEYS = new Map<string, PresetMessageKey>([
  ['number', 'presets.type.number'],
  ['int', 'presets.type.whole-number'],
  ['string', 'presets.type.text'],
  ['array', 'presets.type.list'],
  ['object', 'presets.type.object'],
]);

/** Describes a problem in plain words, starting with its field path. */
export function describeFieldProblem(problem: FieldProblem, language: Language): string {
  const params: Record<string, string | number> = { ...problem.params, path: problem.path };
  const expectedKey = EXPECTED_TYPE_KEYS.get(String(problem.params.expected));
  if (expectedKey) params.expected = presetText(language, expectedKey);
  return presetText(language, `presets.file.${problem.code}`, params);
}

/** Formats a zod issue path as it reads in JavaScript: `presets[2].end.amount`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let result = '';
  for (const segment of path) {
    if (typeof segment === 'number') result += `[${segment}]`;
    else result += result === '' ? String(segment) : `.${String(segment)}`;
  }
  return result;
}

/**
 * Converts one zod issue into problems. `data` is the input that was parsed. It distinguishes a
 * missing field from one of the wrong type, because zod reports both as `invalid_type`.
 */
export function problemsFromIssue(issue: z.core.$ZodIssue, data: unknown): FieldProblem[] {
  const path = formatPath(issue.path);

  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), code: 'unknown-field', params: {} }));
  }
  if (valueAt(data, issue.path) === undefined) return [{ path, code: 'missing', params: {} }];

  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int' && typeof valueAt(data, issue.path) === 'number') return [{ path, code: 'not-whole-number', params: {} }];
      if (!EXPECTED_TYPE_KEYS.has(issue.expected)) return [{ path, code: 'invalid', params: {} }];
      return [{ path, code: 'wrong-type', params: { expected: issue.expected } }];
    case 'too_small':
      if (issue.origin === 'number') return [{ path, code: 'too-small', params: { minimum: Number(issue.minimum) } }];
      return [{ path, code: 'empty', params: {} }];
    case 'too_big':
      if (issue.origin === 'number') return [{ path, code: 'too-big', params: { maximum: Number(issue.maximum) } }];
      return [{ path, code: issue.origin === 'array' ? 'too-many' : 'too-long', params: { maximum: Number(issue.maximum) } }];
    case 'invalid_value':
      return [{ path, code: 'invalid-value', params: { allowed: quoteAll(issue.values) } }];
    case 'invalid_union':
      // A discriminated union reports an unknown `kind` this way, with the accepted kinds as options.
      return [{ path, code: 'invalid-value', params: { allowed: quoteAll(unionOptions(issue)) } }];
    case 'invalid_format':
      // The schemas check two formats: URLs, and ids against ID_PATTERN.
      return [{ path, code: issue.format === 'url' ? 'invalid-url' : 'invalid-id', params: {} }];
    default:
      return [{ path, code: 'invalid', params: {} }];
  }
}

/** Reports every entry whose `id` an earlier entry of the same list already uses. */
export function findDuplicateIds(entries: readonly { id: string }[], listName: string): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) problems.push({ path: `${listName}[${index}].id`, code: 'duplicate-id', params: { value: entry.id } });
    seen.add(entry.id);
  });
  return problems;
}

/** Reports every rule whose preset is not in presetIds. */
export function findUnknownPresets(rules: readonly { presetId: string }[], presetIds: ReadonlySet<string>, listName: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  rules.forEach((rule, index) => {
    if (!presetIds.has(rule.presetId)) problems.push({ path: `${listName}[${index}].presetId`, code: 'unknown-preset', params: { value: rule.presetId } });
  });
  return problems;
}

function unionOptions(issue: z.core.$ZodIssueInvalidUnion): readonly unknown[] {
  // Only the "no match" form of the issue lists the accepted discriminator values.
  return 'options' in issue && issue.options ? issue.options : [];
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}
