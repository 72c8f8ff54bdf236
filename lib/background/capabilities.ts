import { storage } from '#imports';
import type { EnvironmentCache } from '../gravitee/environments';
import type { Connection } from '../gravitee/types';
import { capabilitiesForVersion, detectCapabilities, GRAVITEE_3_CAPABILITIES, readConsoleVersion, type CapabilitySource, type GraviteeCapabilities } from '../gravitee/version';
import { withLock } from './locks';

/** Capabilities of one connection, with how and when they were found. */
export interface StoredCapabilities {
  capabilities: GraviteeCapabilities;
  source: CapabilitySource;
  /** When they were detected, in epoch milliseconds. */
  detectedAt: number;
  /** The addresses they were detected for; a change of either means detecting again. */
  consoleUrl: string;
  managementUrl: string;
}

/** Detected capabilities by connection id. */
export const capabilitiesItem = storage.defineItem<Record<string, StoredCapabilities>>('local:capabilities', {
  fallback: {},
  version: 1,
});

/** Environment id by API id, by connection id, for tasks that name no environment (APIM 3.x). */
export const apiEnvironmentsItem = storage.defineItem<Record<string, Record<string, string>>>('local:apiEnvironments', {
  fallback: {},
  version: 1,
});

/** Capabilities are detected again after this long, in milliseconds, to notice upgrades. */
export const CAPABILITIES_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** An undecided detection (console and API unreachable) is retried after this long, in milliseconds. */
export const UNKNOWN_CAPABILITIES_MAX_AGE_MS = 10 * 60 * 1000;

function isFresh(stored: StoredCapabilities | undefined, connection: Connection, now: number): stored is StoredCapabilities {
  if (!stored || stored.consoleUrl !== connection.consoleUrl || stored.managementUrl !== connection.managementUrl) return false;
  const maxAge = stored.source === 'unknown' ? UNKNOWN_CAPABILITIES_MAX_AGE_MS : CAPABILITIES_MAX_AGE_MS;
  return now - stored.detectedAt < maxAge;
}

async function store(connection: Connection, capabilities: GraviteeCapabilities, source: CapabilitySource, now: number): Promise<void> {
  const entry: StoredCapabilities = { capabilities, source, detectedAt: now, consoleUrl: connection.consoleUrl, managementUrl: connection.managementUrl };
  await capabilitiesItem.setValue({ ...(await capabilitiesItem.getValue()), [connection.id]: entry });
}

async function detectAndStore(connection: Connection, fetchImpl: typeof fetch, now: number): Promise<GraviteeCapabilities> {
  const detected = await detectCapabilities(connection, fetchImpl);
  await store(connection, detected.capabilities, detected.source, now);
  console.info(`[capabilities] connection ${connection.id}: ${detected.capabilities.version ?? 'version unknown'}, v2 ${detected.capabilities.v2 ? 'yes' : 'no'} (from ${detected.source})`);
  return detected.capabilities;
}

/**
 * Returns the capabilities of a connection: the stored ones while fresh, else detected again (the
 * console's build.json, then the Management API bootstrap probe) and stored. Concurrent callers of
 * one connection share a single detection.
 */
export async function connectionCapabilities(connection: Connection, options: { now?: number; fetch?: typeof fetch } = {}): Promise<GraviteeCapabilities> {
  const now = options.now ?? Date.now();
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const result = await withLock(`gatekeeper-capabilities:${connection.id}`, 'wait', async () => {
    const stored = (await capabilitiesItem.getValue())[connection.id];
    if (isFresh(stored, connection, now)) return stored.capabilities;
    return detectAndStore(connection, fetchImpl, now);
  });
  if (!result) throw new Error(`Detecting the capabilities of connection ${connection.id} did not run.`);
  return result;
}

/**
 * Reads the console's build.json and detects the capabilities again when its version differs from
 * the stored one, e.g. after an upgrade. Meant for when a console tab of the connection opens.
 * Returns the capabilities in force afterwards.
 */
export async function refreshOnConsoleVersionChange(connection: Connection, options: { now?: number; fetch?: typeof fetch } = {}): Promise<GraviteeCapabilities> {
  const now = options.now ?? Date.now();
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const version = await readConsoleVersion(connection.consoleUrl, fetchImpl);
  const result = await withLock(`gatekeeper-capabilities:${connection.id}`, 'wait', async () => {
    const stored = (await capabilitiesItem.getValue())[connection.id];
    const fromVersion = version === null ? null : capabilitiesForVersion(version);
    if (fromVersion && (stored?.capabilities.version !== fromVersion.version || !isFresh(stored, connection, now))) {
      await store(connection, fromVersion, 'build.json', now);
      return fromVersion;
    }
    if (isFresh(stored, connection, now)) return stored.capabilities;
    return detectAndStore(connection, fetchImpl, now);
  });
  if (!result) throw new Error(`Detecting the capabilities of connection ${connection.id} did not run.`);
  return result;
}

/** Stores that the connection's server has no Management API v2, as a v2 request has just shown. */
export async function recordV2Missing(connection: Connection, now = Date.now()): Promise<void> {
  const stored = (await capabilitiesItem.getValue())[connection.id];
  // A build.json version below 4.0 already implies it. Any other stored result was a guess.
  if (stored && !stored.capabilities.v2 && stored.source === 'build.json') return;
  console.warn(`[capabilities] connection ${connection.id}: the server has no Management API v2; using v1`);
  await store(connection, GRAVITEE_3_CAPABILITIES, 'probe', now);
}

/** Keeps the environment of each API of a connection in extension storage. */
export function storedEnvironmentCache(connectionId: string): EnvironmentCache {
  return {
    get: async (apiId) => (await apiEnvironmentsItem.getValue())[connectionId]?.[apiId] ?? null,
    set: async (entries) => {
      const all = await apiEnvironmentsItem.getValue();
      await apiEnvironmentsItem.setValue({ ...all, [connectionId]: { ...(all[connectionId] ?? {}), ...entries } });
    },
  };
}

/** Drops everything stored about a connection's installation, e.g. when the connection is removed. */
export async function forgetCapabilities(connectionId: string): Promise<void> {
  const { [connectionId]: _capabilities, ...otherCapabilities } = await capabilitiesItem.getValue();
  await capabilitiesItem.setValue(otherCapabilities);
  const { [connectionId]: _environments, ...otherEnvironments } = await apiEnvironmentsItem.getValue();
  await apiEnvironmentsItem.setValue(otherEnvironments);
}
