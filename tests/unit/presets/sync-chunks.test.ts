import {
  chunkKey,
  decodeChunks,
  encodeChunks,
  isPresetChunkKey,
  MAX_PRESET_CHUNKS,
  PresetStoreTooLargeError,
  quotaBytes,
  SYNC_ITEM_QUOTA_BYTES,
} from '@/lib/presets/sync-chunks';

// A value whose JSON text has about `length` characters, mixing escapes, multi-byte and astral
// characters so that slice boundaries fall on every kind.
function bulkyValue(length: number) {
  const unit = 'Plan «Ø» "quoted" <tag> 🚀 ';
  return { text: unit.repeat(Math.ceil(length / unit.length)) };
}

describe('quotaBytes', () => {
  it('counts key and JSON in UTF-8', () => {
    expect(quotaBytes('k', 'ø')).toBe(1 + 4);
  });

  it('counts JSON escapes', () => {
    expect(quotaBytes('', '<')).toBe(8);
    expect(quotaBytes('', '"')).toBe(4);
  });
});

describe('encodeChunks', () => {
  it('keeps a small value in one item', () => {
    const items = encodeChunks({ a: 1 }, 'rev-1');
    expect(Object.keys(items)).toEqual(['presets']);
    expect(items.presets).toEqual({ revision: 'rev-1', chunkCount: 1, data: '{"a":1}' });
  });

  it('keeps every item within the quota', () => {
    const items = encodeChunks(bulkyValue(30_000), 'rev-2');
    const keys = Object.keys(items);
    expect(keys.length).toBeGreaterThan(3);
    for (const [key, value] of Object.entries(items)) expect(quotaBytes(key, value), key).toBeLessThanOrEqual(SYNC_ITEM_QUOTA_BYTES);
  });

  it('round-trips through decodeChunks', () => {
    const value = bulkyValue(30_000);
    const decoded = decodeChunks(encodeChunks(value, 'rev-3'));
    expect(decoded).toEqual({ kind: 'ok', revision: 'rev-3', chunkCount: expect.any(Number), value });
  });

  it('rejects a value beyond the item limit', () => {
    expect(() => encodeChunks(bulkyValue(MAX_PRESET_CHUNKS * SYNC_ITEM_QUOTA_BYTES), 'rev-4')).toThrow(PresetStoreTooLargeError);
  });
});

describe('decodeChunks', () => {
  it('reports no head as empty', () => {
    expect(decodeChunks({})).toEqual({ kind: 'empty' });
  });

  it('reports a missing slice as incomplete', () => {
    const items = encodeChunks(bulkyValue(20_000), 'rev-5');
    delete items[chunkKey(1)];
    expect(decodeChunks(items)).toEqual({ kind: 'incomplete', revision: 'rev-5' });
  });

  it('reports slices of two revisions as incomplete', () => {
    const older = encodeChunks(bulkyValue(20_000), 'old');
    const newer = encodeChunks(bulkyValue(21_000), 'new');
    expect(decodeChunks({ ...older, presets: newer.presets })).toEqual({ kind: 'incomplete', revision: 'new' });
  });

  it('reports a malformed head as invalid', () => {
    expect(decodeChunks({ presets: { data: '{}' } }).kind).toBe('invalid');
  });
});

describe('isPresetChunkKey', () => {
  it('matches only preset slices', () => {
    expect(isPresetChunkKey('presets')).toBe(true);
    expect(isPresetChunkKey('presets.3')).toBe(true);
    expect(isPresetChunkKey('presets.0')).toBe(false);
    expect(isPresetChunkKey('presets$')).toBe(false);
    expect(isPresetChunkKey('tokens')).toBe(false);
  });
});

describe('slice costs', () => {
  it('stay within quota for every character kind', () => {
    // Slices are measured character by character, so an underestimate of any kind overflows an item.
    const samples = ['a', '"', '\\', '<', '>', '\n', '\u0001', 'ø', '€', '\u2028', '🚀', '\ud800'];
    for (const sample of samples) {
      const items = encodeChunks(sample.repeat(9000), 'rev');
      for (const [key, value] of Object.entries(items)) expect(quotaBytes(key, value), JSON.stringify(sample)).toBeLessThanOrEqual(SYNC_ITEM_QUOTA_BYTES);
      expect(Object.keys(items).length, JSON.stringify(sample)).toBeGreaterThan(1);
    }
  });
});
