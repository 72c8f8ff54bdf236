// storage.sync limits each item to 8,192 bytes and all items together to 102,400 bytes (Chrome's
// QUOTA_BYTES_PER_ITEM and QUOTA_BYTES; MDN's storage.sync page gives the same for Firefox). The preset store is
// written as JSON text split over numbered items: `presets` contains the first slice with the
// revision and the slice count, and `presets.1`, `presets.2`, … contain the rest. Sync delivers items
// one by one, so every slice carries the revision, and slices of two revisions tell a reader that
// the rest of a newer write has not arrived yet.

/** Key of the first item in storage.sync. WXT names it `sync:presets`. */
export const PRESET_SYNC_KEY = 'presets';

/** storage.sync's QUOTA_BYTES_PER_ITEM in Chrome and Firefox. */
export const SYNC_ITEM_QUOTA_BYTES = 8192;

/**
 * Bytes each item stays below its quota, because the browser's own JSON writer may print a value
 * a little longer than quotaBytes measures it.
 */
const ITEM_MARGIN_BYTES = 256;

/** Maximum number of items the store may use: 12 × 8 KB stays below the 100 KB of storage.sync. */
export const MAX_PRESET_CHUNKS = 12;

export interface HeadChunk {
  revision: string;
  chunkCount: number;
  data: string;
}

export interface TailChunk {
  revision: string;
  data: string;
}

export type DecodedChunks =
  | { kind: 'empty' }
  | { kind: 'ok'; revision: string; chunkCount: number; value: unknown }
  /** Slices are missing or belong to another revision: a write from another browser is still arriving. */
  | { kind: 'incomplete'; revision: string }
  | { kind: 'invalid'; reason: string };

/** Raised when the store does not fit into MAX_PRESET_CHUNKS items. Nothing has been written then. */
export class PresetStoreTooLargeError extends Error {
  readonly bytes: number;
  readonly maximumBytes: number;

  constructor(bytes: number, maximumBytes: number) {
    super(`The presets and rules take ${bytes} bytes, but storage.sync can hold at most ${maximumBytes} bytes of them.`);
    this.name = 'PresetStoreTooLargeError';
    this.bytes = bytes;
    this.maximumBytes = maximumBytes;
  }
}

/** Returns the storage.sync key of slice `index` (0 is the head). */
export function chunkKey(index: number): string {
  return index === 0 ? PRESET_SYNC_KEY : `${PRESET_SYNC_KEY}.${index}`;
}

/** Tests whether a storage.sync key belongs to the preset store. */
export function isPresetChunkKey(key: string): boolean {
  return key === PRESET_SYNC_KEY || /^presets\.[1-9][0-9]*$/.test(key);
}

/**
 * Measures an item the way the sync quota counts it: the UTF-8 bytes of its key and of its value
 * as JSON. `<`, U+2028 and U+2029 count six bytes each, because Chromium's JSON writer prints them
 * as `\uXXXX` escapes (EscapeSpecialCodePoint in base/json/string_escape.cc).
 */
export function quotaBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value).replace(/[<\u2028\u2029]/g, '\\u0000');
  return new TextEncoder().encode(key + json).length;
}

/**
 * Splits a value's JSON text into items that each fit the per-item quota. Raises
 * PresetStoreTooLargeError when it needs more than MAX_PRESET_CHUNKS items.
 */
export function encodeChunks(value: unknown, revision: string): Record<string, HeadChunk | TailChunk> {
  const { slices, bytes } = splitText(JSON.stringify(value), revision);
  if (slices.length > MAX_PRESET_CHUNKS) {
    const maximumBytes = Array.from({ length: MAX_PRESET_CHUNKS }, (_, index) => dataBudget(index, revision)).reduce((sum, budget) => sum + budget, 0);
    throw new PresetStoreTooLargeError(bytes, maximumBytes);
  }

  const items: Record<string, HeadChunk | TailChunk> = {};
  slices.forEach((data, index) => {
    items[chunkKey(index)] = index === 0 ? { revision, chunkCount: slices.length, data } : { revision, data };
  });
  return items;
}

/** Joins the items that encodeChunks wrote, as read back from storage.sync. */
export function decodeChunks(items: Record<string, unknown>): DecodedChunks {
  const head = items[PRESET_SYNC_KEY];
  if (head === undefined) return { kind: 'empty' };
  if (!isHead(head)) return { kind: 'invalid', reason: 'the first item has no revision, slice count and data' };

  const parts = [head.data];
  for (let index = 1; index < head.chunkCount; index += 1) {
    const tail = items[chunkKey(index)];
    if (!isTail(tail) || tail.revision !== head.revision) return { kind: 'incomplete', revision: head.revision };
    parts.push(tail.data);
  }

  try {
    return { kind: 'ok', revision: head.revision, chunkCount: head.chunkCount, value: JSON.parse(parts.join('')) };
  } catch (error) {
    return { kind: 'invalid', reason: `the joined text is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

// Cuts the text at code point boundaries, so no slice ends inside a surrogate pair, and keeps each
// item (key, envelope and data) within the quota minus the margin. Also returns the bytes all data
// takes as the quota counts it.
function splitText(text: string, revision: string): { slices: string[]; bytes: number } {
  const slices: string[] = [];
  let current = '';
  let currentBytes = 0;
  let bytes = 0;
  let budget = dataBudget(slices.length, revision);

  for (const character of text) {
    const cost = escapedBytes(character);
    if (currentBytes + cost > budget && current !== '') {
      slices.push(current);
      current = '';
      currentBytes = 0;
      budget = dataBudget(slices.length, revision);
    }
    current += character;
    currentBytes += cost;
    bytes += cost;
  }
  slices.push(current);
  return { slices, bytes };
}

// Returns what one code point adds to quotaBytes inside a JSON string. It is the same as
// quotaBytes('', character) - 2, but it runs once per character, so it avoids JSON.stringify.
function escapedBytes(character: string): number {
  const code = character.codePointAt(0) ?? 0;
  if (code === 0x22 || code === 0x5c) return 2;
  if (code === 0x3c || code === 0x2028 || code === 0x2029) return 6;
  if (code < 0x20) return JSON.stringify(character).length - 2;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  // A lone surrogate is printed as a \uXXXX escape.
  if (code >= 0xd800 && code <= 0xdfff) return 6;
  return code < 0x10000 ? 3 : 4;
}

// Bytes left for the data of slice `index` once its key and envelope are counted. The head's
// slice count is measured with MAX_PRESET_CHUNKS, the widest count it can hold.
function dataBudget(index: number, revision: string): number {
  const envelope = index === 0 ? { revision, chunkCount: MAX_PRESET_CHUNKS, data: '' } : { revision, data: '' };
  return SYNC_ITEM_QUOTA_BYTES - ITEM_MARGIN_BYTES - quotaBytes(chunkKey(index), envelope);
}

function isHead(value: unknown): value is HeadChunk {
  if (typeof value !== 'object' || value === null) return false;
  const head = value as Partial<HeadChunk>;
  return (
    typeof head.revision === 'string' &&
    typeof head.data === 'string' &&
    typeof head.chunkCount === 'number' &&
    Number.isInteger(head.chunkCount) &&
    head.chunkCount >= 1 &&
    head.chunkCount <= MAX_PRESET_CHUNKS
  );
}

function isTail(value: unknown): value is TailChunk {
  if (typeof value !== 'object' || value === null) return false;
  const tail = value as Partial<TailChunk>;
  return typeof tail.revision === 'string' && typeof tail.data === 'string';
}
