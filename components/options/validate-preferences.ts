import type { MessageKey } from '@/lib/i18n';
import type { Preferences } from '@/lib/storage';

/** Shortest poll interval the options accept, in seconds, because Chrome 120 and later fire alarms at most every 30 seconds. */
import { MIN_POLL_SECONDS } from '@/lib/storage';

export { MIN_POLL_SECONDS };

/** The language and poll interval as typed, before validation. */
export interface PreferencesForm {
  language: Preferences['language'];
  pollSeconds: string;
}

export type ValidatedPreferences =
  | { ok: true; language: Preferences['language']; pollSeconds: number }
  | { ok: false; errors: { pollSeconds?: MessageKey } };

/** Validates the poll interval: a whole number of seconds, MIN_POLL_SECONDS or more. */
export function validatePreferences(form: PreferencesForm): ValidatedPreferences {
  const pollText = form.pollSeconds.trim();
  const pollSeconds = Number(pollText);
  if (!/^\d+$/.test(pollText) || pollSeconds < MIN_POLL_SECONDS) return { ok: false, errors: { pollSeconds: 'options.invalid.poll' } };
  return { ok: true, language: form.language, pollSeconds };
}
