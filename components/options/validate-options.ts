import type { Connection } from '@/lib/gravitee/types';
import type { MessageKey } from '@/lib/i18n';
import type { Preferences } from '@/lib/storage';

/** Shortest poll interval the options accept, in seconds. */
export const MIN_POLL_SECONDS = 30;

/** The options form as typed, before validation. */
export interface OptionsForm {
  consoleUrl: string;
  managementUrl: string;
  organization: string;
  /** A newly typed token; empty keeps the saved one. */
  token: string;
  language: Preferences['language'];
  pollSeconds: string;
}

export type OptionsField = keyof OptionsForm;

/** Settings currently in storage. Validation needs only the presence of a token, not its value. */
export interface SavedOptions {
  connection: Connection | null;
  hasToken: boolean;
  preferences: Preferences;
}

export type FieldErrors = Partial<Record<OptionsField, MessageKey>>;

export type ValidatedOptions =
  | {
      ok: true;
      connection: Connection;
      /** The new token to store, or null to keep the saved one. */
      newToken: string | null;
      preferences: Preferences;
    }
  | { ok: false; errors: FieldErrors };

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

function sameTarget(a: Connection, b: Connection): boolean {
  return a.managementUrl === b.managementUrl && a.organization === b.organization;
}

/**
 * Validates the form for Save and Test connection. A new token is required when none is saved or
 * when the Management API URL or organization changed, because a saved token must never be sent
 * to a server it was not entered for.
 */
export function validateOptions(form: OptionsForm, saved: SavedOptions): ValidatedOptions {
  const errors: FieldErrors = {};

  const consoleUrl = parseHttpUrl(form.consoleUrl);
  if (form.consoleUrl.trim() === '') errors.consoleUrl = 'options.invalid.console-url.missing';
  else if (!consoleUrl) errors.consoleUrl = 'options.invalid.console-url';

  const managementUrl = parseHttpUrl(form.managementUrl)?.replace(/\/+$/, '') ?? null;
  if (form.managementUrl.trim() === '') errors.managementUrl = 'options.invalid.management-url.missing';
  else if (!managementUrl) errors.managementUrl = 'options.invalid.management-url';

  const organization = form.organization.trim();
  if (organization === '') errors.organization = 'options.invalid.organization';

  const pollText = form.pollSeconds.trim();
  const pollSeconds = Number(pollText);
  if (!/^\d+$/.test(pollText) || pollSeconds < MIN_POLL_SECONDS) errors.pollSeconds = 'options.invalid.poll';

  const newToken = form.token.trim() === '' ? null : form.token.trim();
  if (consoleUrl && managementUrl && organization && newToken === null) {
    const connection: Connection = { consoleUrl, managementUrl, organization };
    if (!saved.hasToken) errors.token = 'options.invalid.token.missing';
    else if (!saved.connection || !sameTarget(saved.connection, connection)) errors.token = 'options.invalid.token.changed';
  } else if (newToken === null && !saved.hasToken) {
    errors.token = 'options.invalid.token.missing';
  }

  if (!consoleUrl || !managementUrl || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    connection: { consoleUrl, managementUrl, organization },
    newToken,
    preferences: { language: form.language, pollSeconds },
  };
}
