import { createGraviteeClient, type GraviteeClient } from '../gravitee/client';
import { GraviteeError, toSerializedError } from '../gravitee/errors';
import type { Connection } from '../gravitee/types';
import type { ConnectionSnapshot, PollSnapshot } from '../messages';
import { hasHostAccess, hostPattern } from '../permissions';
import { connectionsItem, MIN_POLL_SECONDS, preferencesItem, snapshotItem, taskPollFloorsItem, tokensItem } from '../storage';
import { nextPollAfterFailure } from './backoff';
import { connectionCapabilities, recordV2Missing, storedEnvironmentCache } from './capabilities';
import { renderBadge } from './badge-renderer';
import { updateNotifications } from './notifications';
import { sessionCsrfStore } from './csrf-store';
import { withLock } from './locks';
import { schedulePolling } from './schedule';
import { alignSnapshot, updateConnectionSnapshot } from './snapshot-store';

/** The organization's `scheduler.tasks` is read again after this long, in milliseconds. */
const FLOOR_REFRESH_MS = 60 * 60 * 1000;

/** An alarm may fire a little early; a poll due within this many milliseconds runs now. */
const DUE_SLACK_MS = 5_000;

/**
 * Creates the Gravitee client of a connection. Its capabilities are detected (or read from
 * storage) only when a call depends on them, so polling the tasks sends no extra request.
 */
export async function createClient(connection: Connection): Promise<GraviteeClient> {
  const tokens = await tokensItem.getValue();
  return createGraviteeClient({
    connection,
    token: tokens[connection.id] ?? null,
    csrf: sessionCsrfStore(connection.id),
    capabilities: () => connectionCapabilities(connection),
    onV2Missing: () => recordV2Missing(connection),
    environments: storedEnvironmentCache(connection.id),
  });
}

async function readTaskPollFloor(connection: Connection, client: GraviteeClient, now: number): Promise<number | null> {
  const floors = await taskPollFloorsItem.getValue();
  const stored = floors[connection.id];
  if (stored && now - stored.readAt < FLOOR_REFRESH_MS) return stored.seconds;
  try {
    const seconds = await client.getTaskPollSeconds();
    await taskPollFloorsItem.setValue({ ...(await taskPollFloorsItem.getValue()), [connection.id]: { seconds, readAt: now } });
    return seconds;
  } catch {
    // The floor only slows polling down; without it the user's interval still applies.
    return stored?.seconds ?? null;
  }
}

async function runConnectionPoll(connection: Connection): Promise<void> {
  const now = Date.now();
  const preferences = await preferencesItem.getValue();

  if (!(await hasHostAccess([hostPattern(connection.managementUrl)]))) {
    await updateConnectionSnapshot(connection, (previous) => ({ ...previous, status: 'permission-missing', error: null, lastAttemptAt: now, nextPollAt: null }));
    return;
  }

  const client = await createClient(connection);
  const authMode = (await tokensItem.getValue())[connection.id] ? 'token' : 'session';
  // Usually stored already (one build.json read a day); only deep links depend on it.
  const routeStyle = (await connectionCapabilities(connection).catch(() => null))?.routeStyle ?? null;
  const floor = await readTaskPollFloor(connection, client, now);
  const intervalSeconds = Math.max(preferences.pollSeconds, floor ?? 0, MIN_POLL_SECONDS);

  let update: (previous: ConnectionSnapshot) => ConnectionSnapshot;
  try {
    const tasks = await client.getPendingRequests();
    const requests = tasks.requests.map((request) => ({ ...request, connectionId: connection.id }));
    const finishedAt = Date.now();
    update = (previous) => ({
      ...previous,
      status: 'ok',
      authMode,
      routeStyle,
      requests,
      malformedCount: tasks.malformedCount,
      lastSuccessAt: finishedAt,
      lastAttemptAt: now,
      error: null,
      intervalSeconds,
      failureCount: 0,
      nextPollAt: now + intervalSeconds * 1000,
    });
  } catch (error) {
    if (!(error instanceof GraviteeError)) console.error(`[poll] unexpected failure for connection ${connection.id}`, error);
    const serialized = toSerializedError(error);
    console.warn(`[poll] connection ${connection.id} failed: ${serialized.kind}${serialized.status ? ` (HTTP ${serialized.status})` : ''}`);
    // The previous requests stay for context, but status 'error' keeps them off the badge.
    update = (previous) => {
      const failureCount = previous.failureCount + 1;
      return {
        ...previous,
        status: 'error',
        authMode,
        routeStyle: routeStyle ?? previous.routeStyle,
        error: serialized,
        lastAttemptAt: now,
        intervalSeconds,
        failureCount,
        nextPollAt: nextPollAfterFailure(serialized, failureCount, intervalSeconds, Date.now()),
      };
    };
  }
  await updateConnectionSnapshot(connection, update);
}

/**
 * Polls one connection unless a poll of it is already running, in which case this waits for
 * that poll instead of sending a second request. After a settings change (settingsChangedAt set)
 * a poll that started before the change may have read the old settings, so this waits for it and
 * then polls again, unless a poll that started after the change has run meanwhile.
 */
async function pollConnection(connection: Connection, settingsChangedAt: number | null): Promise<void> {
  const lockName = `gatekeeper-poll:${connection.id}`;
  if (settingsChangedAt !== null) {
    await withLock(lockName, 'wait', async () => {
      const entry = (await snapshotItem.getValue()).connections.find((candidate) => candidate.connectionId === connection.id);
      if (entry?.lastAttemptAt !== null && entry?.lastAttemptAt !== undefined && entry.lastAttemptAt >= settingsChangedAt) return;
      await runConnectionPoll(connection);
    });
    return;
  }
  const ran = await withLock(lockName, 'skip', async () => {
    await runConnectionPoll(connection);
    return true;
  });
  if (!ran) await withLock(lockName, 'wait', async () => null);
}

/** Redraws the badge and re-arms the alarm from the stored snapshot. */
async function publish(): Promise<PollSnapshot> {
  const snapshot = await snapshotItem.getValue();
  await renderBadge(snapshot);
  await updateNotifications(snapshot).catch((error: unknown) => console.error('[poll] notifications failed', error));
  const intervals = snapshot.connections.map((entry) => entry.intervalSeconds);
  await schedulePolling(intervals.length ? Math.max(MIN_POLL_SECONDS, Math.min(...intervals)) : null);
  return snapshot;
}

type Selection = 'all' | 'due' | 'due-or-network';

function isSelected(entry: ConnectionSnapshot | undefined, selection: Selection, now: number): boolean {
  if (!entry || entry.status === 'never-polled') return true;
  // A server's Retry-After is honoured even when the user asks for a refresh.
  if (entry.error?.kind === 'rate-limited' && entry.nextPollAt !== null && entry.nextPollAt > now) return false;
  if (selection === 'all') return true;
  if (selection === 'due-or-network' && (entry.error?.kind === 'network' || entry.error?.kind === 'timeout')) return true;
  return entry.nextPollAt !== null && entry.nextPollAt <= now + DUE_SLACK_MS;
}

async function pollSelected(selection: Selection, settingsChangedAt: number | null, now = Date.now()): Promise<PollSnapshot> {
  const connections = await connectionsItem.getValue();
  const snapshot = await alignSnapshot();
  const byId = new Map(snapshot.connections.map((entry) => [entry.connectionId, entry]));
  const chosen = connections.filter((connection) => isSelected(byId.get(connection.id), selection, now));
  await Promise.all(chosen.map((connection) => pollConnection(connection, settingsChangedAt)));
  return publish();
}

/** Polls every connection now: a refresh the user asked for, or the result of an action. */
export function pollNow(): Promise<PollSnapshot> {
  return pollSelected('all', null);
}

/** Polls every connection with a request of its own, after the user changed settings. */
export function pollWithNewSettings(changedAt = Date.now()): Promise<PollSnapshot> {
  return pollSelected('all', changedAt);
}

/** Polls the connections whose next poll is due: the alarm tick, a wake-up, or a console tab opening. */
export function pollDue(now = Date.now()): Promise<PollSnapshot> {
  return pollSelected('due', null, now);
}

/**
 * Polls one connection now, even while it waits for the user after a 401: opening its console is
 * such a moment, because signing in there gives a token-less connection its session.
 */
export async function pollConnectionNow(connectionId: string): Promise<PollSnapshot> {
  const connection = (await connectionsItem.getValue()).find((entry) => entry.id === connectionId);
  if (connection) {
    await alignSnapshot();
    await pollConnection(connection, null);
  }
  return publish();
}

/** Polls the due connections plus those that failed for lack of network, after the browser came back online. */
export function pollAfterReconnect(): Promise<PollSnapshot> {
  return pollSelected('due-or-network', null);
}
