import type { AuthScheme } from './auth.ts';

/** One Management API request as the simulator received it. It never contains a token or cookie value. */
export interface RequestLogEntry {
  id: number;
  /** When the request arrived, ISO-8601. */
  time: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Credential the request presented: the Authorization header wins over the session cookie. */
  authScheme: AuthScheme;
  xsrfHeader: boolean;
  xsrfCookie: boolean;
  sessionCookie: boolean;
  origin: string | null;
  referer: boolean;
  /** Response status, or null while pending, hanging or after a dropped connection. */
  status: number | null;
  outcome: 'pending' | 'responded' | 'hang' | 'destroyed';
  /** Id of the injected fault that shaped the response, if any. */
  faultId: number | null;
  durationMs: number | null;
}

/** Most recent requests kept; older entries are dropped first. */
const MAX_ENTRIES = 2000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextId = 1;

  add(entry: Omit<RequestLogEntry, 'id'>): RequestLogEntry {
    const stored: RequestLogEntry = { ...entry, id: this.nextId++ };
    this.entries.push(stored);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return stored;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.entries = [];
  }
}

/** Converts URLSearchParams into a plain object; repeated parameters become arrays. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const existing = query[name];
    if (existing === undefined) query[name] = value;
    else query[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}
