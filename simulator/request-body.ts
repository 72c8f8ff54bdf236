import type { IncomingMessage } from 'node:http';
import { bodyRequired, invalidValue, unsupportedMediaType, type ApiError } from './errors.ts';
import { isJsonContentType, readBody } from './http-util.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * Reads a JSON object body. An empty body or a JSON null is absent; `required` turns absence into
 * Gravitee's validation error, as on endpoints whose body parameter is @NotNull.
 */
export async function readJsonObject(request: IncomingMessage, required: boolean): Promise<Parsed<Record<string, unknown> | undefined>> {
  const text = await readBody(request);
  if (text.trim() === '') return required ? { ok: false, error: bodyRequired() } : { ok: true, value: undefined };
  if (!isJsonContentType(request)) return { ok: false, error: unsupportedMediaType() };

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: invalidValue('body', text.slice(0, 200), `Unable to parse the request body as JSON: ${(error as Error).message}`) };
  }
  if (value === null) return required ? { ok: false, error: bodyRequired() } : { ok: true, value: undefined };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: invalidValue('body', value, 'The request body must be a JSON object.') };
  return { ok: true, value: value as Record<string, unknown> };
}

// ISO-8601 date-time with an explicit offset, which is what Jackson's OffsetDateTime reader takes.
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads an optional v2 date-time field. A null or missing value is absent.
 * NOTE: Jackson may also read epoch numbers into OffsetDateTime; the simulator rejects them.
 */
export function readOffsetDateTime(body: Record<string, unknown>, field: string): Parsed<Date | undefined> {
  const value = body[field];
  if (value === undefined || value === null) return { ok: true, value: undefined };

  const date = typeof value === 'string' && OFFSET_DATE_TIME.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    const source = typeof value === 'string' ? `String "${value}"` : `${typeof value} value`;
    return { ok: false, error: invalidValue(field, value, `Cannot deserialize value of type \`java.time.OffsetDateTime\` from ${source}: Failed to deserialize java.time.OffsetDateTime`) };
  }
  return { ok: true, value: date };
}

/** Reads an optional v1 `java.util.Date` field: epoch milliseconds, or an ISO-8601 date or date-time string. */
export function readLegacyDate(body: Record<string, unknown>, field: string): Parsed<Date | undefined> {
  const value = body[field];
  if (value === undefined || value === null) return { ok: true, value: undefined };

  let date: Date | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) date = new Date(value);
  else if (typeof value === 'string' && /^\d+$/.test(value)) date = new Date(Number(value));
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) date = new Date(value);

  if (!date || Number.isNaN(date.getTime())) {
    return { ok: false, error: invalidValue(field, value, `Cannot deserialize value of type \`java.util.Date\` from ${JSON.stringify(value)}`) };
  }
  return { ok: true, value: date };
}

export function readOptionalString(body: Record<string, unknown>, field: string): Parsed<string | undefined> {
  const value = body[field];
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== 'string') return { ok: false, error: invalidValue(field, value, `Cannot deserialize value of type \`java.lang.String\` from ${typeof value} value for "${field}"`) };
  return { ok: true, value };
}

/** Reads an optional string-to-string map such as subscription metadata. */
export function readStringMap(body: Record<string, unknown>, field: string): Parsed<Record<string, string> | undefined> {
  const value = body[field];
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((entry) => typeof entry !== 'string')) {
    return { ok: false, error: invalidValue(field, value, `"${field}" must be an object of string values`) };
  }
  return { ok: true, value: value as Record<string, string> };
}
