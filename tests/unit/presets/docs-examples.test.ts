import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { MANAGED_FIELDS, parseManagedSettings } from '@/lib/presets/managed';
import { ID_PATTERN, MAX_DURATION_AMOUNT } from '@/lib/presets/model';
import { parseTeamFile } from '@/lib/presets/team-file';

const docs = readFileSync('docs/presets.md', 'utf8');
const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as Record<string, unknown>;

/** Parses the ```json blocks of docs/presets.md, in order. */
function jsonBlocks(): Record<string, unknown>[] {
  return [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1] ?? '') as Record<string, unknown>);
}

/** Policy values: a plain values block, or the values inside Firefox's policies.json wrapper. */
function policyValues(block: Record<string, unknown>): Record<string, unknown> | null {
  if ('connections' in block || 'defaultPresetId' in block) return 'format' in block ? null : block;
  const policies = block.policies as { '3rdparty'?: { Extensions?: Record<string, Record<string, unknown>> } } | undefined;
  const extensions = policies?.['3rdparty']?.Extensions;
  return extensions ? (Object.values(extensions)[0] ?? null) : null;
}

// The attributes Chrome's policy schema parser accepts per type, from Chromium's
// components/policy/core/common/schema.cc. Any other attribute can make Chrome reject the schema.
const chromeAttributes: Record<string, string[]> = {
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  object: ['additionalProperties', 'description', 'id', 'patternProperties', 'properties', 'required', 'sensitiveValue', 'title', 'type'],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
};

/** Returns `path: attribute` for every attribute Chrome would not accept, walking nested schemas. */
function unsupportedAttributes(node: Record<string, unknown>, path: string): string[] {
  const type = String(node.type);
  const allowed = chromeAttributes[type];
  if (!allowed) return [`${path}: type ${type}`];

  const found = Object.keys(node).filter((key) => !allowed.includes(key)).map((key) => `${path}: ${key}`);
  if (type === 'array') found.push(...unsupportedAttributes(node.items as Record<string, unknown>, `${path}.items`));
  if (type === 'object') {
    for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      found.push(...unsupportedAttributes(child, `${path}.${name}`));
    }
  }
  return found;
}

describe('docs/presets.md examples', () => {
  it('contains team file and policy examples', () => {
    const blocks = jsonBlocks();
    expect(blocks.filter((block) => block.format === 'gatekeeper-presets')).toHaveLength(1);
    expect(blocks.map(policyValues).filter((values) => values !== null)).toHaveLength(2);
  });

  it('team file example imports', () => {
    for (const block of jsonBlocks().filter((candidate) => candidate.format === 'gatekeeper-presets')) {
      const result = parseTeamFile(JSON.stringify(block));
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
  });

  it('policy examples pass the reader', () => {
    for (const values of jsonBlocks().map(policyValues)) {
      if (values === null) continue;
      const read = parseManagedSettings(values);
      expect(read.problems).toEqual([]);
      for (const field of Object.keys(values)) expect(read.locked[field as keyof typeof read.locked]).toBe(true);
    }
  });

  it('policy examples pass managed_schema.json', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    for (const values of jsonBlocks().map(policyValues)) {
      if (values === null) continue;
      expect(validate(values) ? [] : validate.errors).toEqual([]);
    }
  });
});

describe('managed_schema.json', () => {
  it('uses only attributes Chrome accepts', () => {
    expect(unsupportedAttributes(schema, '(root)')).toEqual([]);
  });

  it('has no top-level additionalProperties', () => {
    expect('additionalProperties' in schema).toBe(false);
    expect(schema.type).toBe('object');
  });

  it('declares exactly the managed fields', () => {
    expect(Object.keys(schema.properties as object).sort()).toEqual([...MANAGED_FIELDS].sort());
  });

  it('matches model limits', () => {
    const text = JSON.stringify(schema);
    const idPatterns = [...text.matchAll(/"pattern":"([^"]*)"/g)].map((match) => JSON.parse(`"${match[1]}"`) as string).filter((pattern) => pattern !== '^https?://');
    expect(idPatterns.length).toBeGreaterThan(0);
    for (const pattern of idPatterns) expect(pattern).toBe(ID_PATTERN.source);

    const properties = schema.properties as Record<string, { items: { properties: Record<string, { properties: Record<string, { maximum?: number }> }> } }>;
    expect(properties.presets?.items.properties.end?.properties.amount?.maximum).toBe(MAX_DURATION_AMOUNT);
  });

  it('rejects a policy with wrong types', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate({ presets: [{ id: 'x', name: 'X', start: 'later', end: { kind: 'none' } }] })).toBe(false);
    expect(validate({ rules: [{ id: 'bad id!', field: 'api', match: 'id', value: 'a', presetId: 'p' }] })).toBe(false);
  });
});
