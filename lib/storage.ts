import { storage } from '#imports';
import type { Connection } from './gravitee/types';
import type { PollSnapshot } from './messages';
import type { Language } from './i18n';

/** Default poll interval, in seconds; Gravitee's own `scheduler.tasks` can only lengthen it. */
export const DEFAULT_POLL_SECONDS = 60;

/** The configured connection; null until the user saves the options. */
export const connectionItem = storage.defineItem<Connection | null>('local:connection', {
  fallback: null,
  version: 1,
});

/**
 * The personal access token. Kept in storage.local only: never synced, never sent to a content
 * script's page, never logged.
 */
export const tokenItem = storage.defineItem<string | null>('local:token', {
  fallback: null,
  version: 1,
});

export interface Preferences {
  /** 'auto' follows the browser's language. */
  language: 'auto' | Language;
  /** Poll interval the user asked for, in seconds; the organization's `scheduler.tasks` is the floor. */
  pollSeconds: number;
}

export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  fallback: { language: 'auto', pollSeconds: DEFAULT_POLL_SECONDS },
  version: 1,
});

export const emptySnapshot: PollSnapshot = {
  status: 'never-polled',
  requests: [],
  malformedCount: 0,
  lastSuccessAt: null,
  lastAttemptAt: null,
  error: null,
  intervalSeconds: DEFAULT_POLL_SECONDS,
  consoleUrl: null,
};

/** The last poll's outcome. The worker is stopped at will, so this lives in storage, not in memory. */
export const snapshotItem = storage.defineItem<PollSnapshot>('local:snapshot', {
  fallback: emptySnapshot,
  version: 1,
});

/** The organization's `scheduler.tasks` in seconds, and when it was read. */
export const taskPollFloorItem = storage.defineItem<{ seconds: number | null; readAt: number } | null>('local:taskPollFloor', {
  fallback: null,
  version: 1,
});
