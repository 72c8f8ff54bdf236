import type { MessageKey } from '@/lib/i18n';
import type { Preferences } from '@/lib/storage';

import { MAX_POLL_SECONDS, MIN_POLL_SECONDS } from '@/lib/storage';

export { MAX_POLL_SECONDS, MIN_POLL_SECONDS };

/** The language and poll interval as typed, before validation. */
export interface PreferencesForm {
  language: Preferences['language'];
  pollSeconds: string;
}

export type ValidatedPreferences =
  | { ok: true; language: Preferences['language']; pollSeconds: number }
  | { ok: false; errors: { pollSeconds?: MessageKey } };

/** Validates the poll interval: a whole number of seconds from MIN_POLL_SECONDS to MAX_POLL_SECONDS. */
export function validatePreferences(form: PreferencesForm): ValidatedPreferences {
  const pollText = form.pollSeconds.trim();
  const pollSeconds = Number(pollText);
  if (!/^\d+$/.test(pollText) || pollSeconds < MIN_POLL_SECONDS || pollSeconds > MAX_POLL_SECONDS) return { ok: false, errors: { pollSeconds: 'options.invalid.poll' } };
  return { ok: true, language: form.language, pollSeconds };
}
