import type { Connection } from '@/lib/gravitee/types';
import type { MessageKey } from '@/lib/i18n';

/** One connection as typed in the editor, before validation. */
export interface ConnectionForm {
  /** Empty means the console host. */
  name: string;
  consoleUrl: string;
  managementUrl: string;
  organization: string;
  /** A newly typed token. Empty keeps the saved one, or uses the console session when none is saved. */
  token: string;
  /** Whether Save deletes the saved token, so the connection uses the console session. */
  removeToken: boolean;
}

export type ConnectionField = Exclude<keyof ConnectionForm, 'removeToken'>;

export type ConnectionErrors = Partial<Record<ConnectionField, MessageKey>>;

/** The stored state that validation needs. */
export interface ConnectionContext {
  /** Id of the connection: the stored one when editing, a new one when adding. */
  id: string;
  /** The stored connection being edited, or null when adding. */
  original: Connection | null;
  /** Whether a token is stored for this connection. Validation needs its presence, not its value. */
  hasSavedToken: boolean;
  /** The other stored connections, for the duplicate checks. */
  others: readonly Connection[];
}

/** The change that Save makes to the stored token. */
export type TokenChange = { kind: 'keep' } | { kind: 'replace'; token: string } | { kind: 'remove' };

export type ValidatedConnection =
  | {
      ok: true;
      connection: Connection;
      token: TokenChange;
      /** Whether the connection has no token after Save, so the background uses the console session. */
      usesSession: boolean;
    }
  | { ok: false; errors: ConnectionErrors };

/** Returns the trimmed URL when it is an absolute http(s) URL, else null. */
export function parseHttpUrl(value: string): string | null {
  const trimmed = value.trim();
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed : null;
  } catch {
    return null;
  }
}

/**
 * Returns the Management API base in one canonical spelling (lower-case scheme and host, no dot
 * segments, no trailing slash), so that two spellings of one server count as the same connection.
 * A query, a fragment or credentials in the URL make it invalid (null): the client appends paths
 * to the base, and the browser refuses credentials in a fetch URL.
 */
export function canonicalManagementUrl(value: string): string | null {
  if (!parseHttpUrl(value)) return null;
  const url = new URL(value.trim());
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#') || url.username !== '' || url.password !== '') return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Returns the host (with a port other than the default) of a URL, or '' when it is not a URL. */
export function consoleHost(consoleUrl: string): string {
  try {
    return new URL(consoleUrl.trim()).host;
  } catch {
    return '';
  }
}

function sameTarget(a: Pick<Connection, 'managementUrl' | 'organization'>, b: Pick<Connection, 'managementUrl' | 'organization'>): boolean {
  return a.managementUrl === b.managementUrl && a.organization === b.organization;
}

/**
 * Decides what happens to the stored token. A saved token is kept only while the Management API
 * URL and organization stay the same, because it must never be sent to a server it was not
 * entered for. Without any token the background uses the browser's console session.
 */
function decideToken(form: ConnectionForm, context: ConnectionContext, target: Pick<Connection, 'managementUrl' | 'organization'>): TokenChange | MessageKey {
  const newToken = form.token.trim();
  if (newToken !== '') return { kind: 'replace', token: newToken };
  if (!context.hasSavedToken) return { kind: 'keep' };
  if (form.removeToken) return { kind: 'remove' };
  if (context.original && sameTarget(context.original, target)) return { kind: 'keep' };
  return 'options.invalid.token.changed';
}

/** Validates the editor's form for Save and Test connection. */
export function validateConnection(form: ConnectionForm, context: ConnectionContext): ValidatedConnection {
  const errors: ConnectionErrors = {};

  const consoleUrl = parseHttpUrl(form.consoleUrl);
  if (form.consoleUrl.trim() === '') errors.consoleUrl = 'options.invalid.console-url.missing';
  else if (!consoleUrl) errors.consoleUrl = 'options.invalid.console-url';

  const managementUrl = canonicalManagementUrl(form.managementUrl);
  if (form.managementUrl.trim() === '') errors.managementUrl = 'options.invalid.management-url.missing';
  else if (!managementUrl) errors.managementUrl = 'options.invalid.management-url';

  const organization = form.organization.trim();
  if (organization === '') errors.organization = 'options.invalid.organization';

  const name = form.name.trim() || (consoleUrl ? consoleHost(consoleUrl) : '');
  // Rows and status lines name their connection only, so two connections must not share a name.
  if (name !== '' && context.others.some((other) => other.name.trim().toLowerCase() === name.toLowerCase())) {
    errors.name = form.name.trim() === '' ? 'options.invalid.name.duplicate-host' : 'options.invalid.name.duplicate';
  }

  const target = managementUrl && organization ? { managementUrl, organization } : null;
  // A second connection to the same organization would list every request twice.
  if (target && context.others.some((other) => sameTarget(other, target))) errors.managementUrl = 'options.invalid.duplicate';

  const token = target ? decideToken(form, context, target) : null;
  if (typeof token === 'string') errors.token = token;

  if (!consoleUrl || !target || token === null || typeof token === 'string' || Object.keys(errors).length > 0) return { ok: false, errors };
  const usesSession = token.kind === 'remove' || (token.kind === 'keep' && !context.hasSavedToken);
  // A policy connection keeps its policy values and its managed flag, which the background policy sync relies on.
  const connection: Connection = context.original?.managed
    ? { ...context.original }
    : { id: context.id, name, consoleUrl, managementUrl: target.managementUrl, organization: target.organization };
  return { ok: true, connection, token, usesSession };
}
