import { createGraviteeClient, type GraviteeClient } from '../gravitee/client';
import { GraviteeError, toSerializedError } from '../gravitee/errors';
import type { Connection } from '../gravitee/types';
import type { PollSnapshot } from '../messages';
import { hasHostAccess, hostPattern } from '../permissions';
import { connectionItem, emptySnapshot, preferencesItem, snapshotItem, taskPollFloorItem, tokenItem } from '../storage';
import { renderBadge } from './badge-renderer';
import { sessionCsrfStore } from './csrf-store';
import { withLock } from './locks';
import { schedulePolling } from './schedule';

/** The organization's `scheduler.tasks` is read again after this long, in milliseconds. */
const FLOOR_REFRESH_MS = 60 * 60 * 1000;

/** Chrome refuses alarms more frequent than every 30 seconds. */
export const MIN_POLL_SECONDS = 30;

async function readTaskPollFloor(client: GraviteeClient, now: number): Promise<number | null> {
  const stored = await taskPollFloorItem.getValue();
  if (stored && now - stored.readAt < FLOOR_REFRESH_MS) return stored.seconds;
  try {
    const seconds = await client.getTaskPollSeconds();
    await taskPollFloorItem.setValue({ seconds, readAt: now });
    return seconds;
  } catch {
    // The floor only slows polling down; without it the user's interval still applies.
    return stored?.seconds ?? null;
  }
}

export function createClient(connection: Connection, token: string | null): GraviteeClient {
  return createGraviteeClient({ connection, token, csrf: sessionCsrfStore });
}

async function runPoll(): Promise<PollSnapshot> {
  const now = Date.now();
  const previous = await snapshotItem.getValue();
  const connection = await connectionItem.getValue();
  const preferences = await preferencesItem.getValue();

  let next: PollSnapshot;
  if (!connection) {
    next = { ...emptySnapshot, status: 'not-configured', lastAttemptAt: now };
  } else if (!(await hasHostAccess([hostPattern(connection.managementUrl)]))) {
    next = { ...previous, status: 'permission-missing', error: null, lastAttemptAt: now, consoleUrl: connection.consoleUrl };
  } else {
    const client = createClient(connection, await tokenItem.getValue());
    const floor = await readTaskPollFloor(client, now);
    const intervalSeconds = Math.max(preferences.pollSeconds, floor ?? 0, MIN_POLL_SECONDS);
    try {
      const tasks = await client.getPendingRequests();
      next = {
        status: 'ok',
        requests: tasks.requests,
        malformedCount: tasks.malformedCount,
        lastSuccessAt: Date.now(),
        lastAttemptAt: now,
        error: null,
        intervalSeconds,
        consoleUrl: connection.consoleUrl,
      };
    } catch (error) {
      if (!(error instanceof GraviteeError)) console.error('[poll] unexpected failure', error);
      // The previous requests stay for context, but status 'error' keeps them off the badge.
      next = { ...previous, status: 'error', error: toSerializedError(error), lastAttemptAt: now, intervalSeconds, consoleUrl: connection.consoleUrl };
    }
  }

  await snapshotItem.setValue(next);
  await renderBadge(next);
  await schedulePolling(next.intervalSeconds);
  return next;
}

/**
 * Polls Gravitee for pending subscription requests, stores the snapshot and redraws the badge.
 * Calls that arrive while a poll runs wait for it and return its result, so all tabs, the alarm
 * and the options page share one request.
 */
export async function pollNow(): Promise<PollSnapshot> {
  const result = await withLock('gatekeeper-poll', 'skip', runPoll);
  if (result) return result;
  await withLock('gatekeeper-poll', 'wait', async () => null);
  return snapshotItem.getValue();
}

/**
 * Polls after the settings changed. Unlike pollNow it never reuses a poll already in flight,
 * because that one may have read the old settings.
 */
export async function pollWithNewSettings(): Promise<PollSnapshot> {
  return (await withLock('gatekeeper-poll', 'wait', runPoll)) ?? snapshotItem.getValue();
}

/** Polls only when the last attempt is older than the poll interval: for wake-ups and start-up. */
export async function pollIfDue(now = Date.now()): Promise<PollSnapshot> {
  const snapshot = await snapshotItem.getValue();
  const due = snapshot.lastAttemptAt === null || now - snapshot.lastAttemptAt >= snapshot.intervalSeconds * 1000;
  return due ? pollNow() : snapshot;
}
