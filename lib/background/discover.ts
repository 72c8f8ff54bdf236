import { createGraviteeClient, createMemoryCsrfStore } from '../gravitee/client';
import { consoleDirectory, discoverConsole, DiscoveryError, readBootstrap } from '../gravitee/discovery';
import { toSerializedError, type SerializedGraviteeError } from '../gravitee/errors';
import type { Connection } from '../gravitee/types';
import { readConsoleVersion } from '../gravitee/version';
import { hasHostAccess, hostPattern } from '../permissions';
import { canShareConsoleSession } from '../site';
import { connectionsItem } from '../storage';

/** Facts about a Gravitee console, read from its own files and the Management API. */
export interface DiscoveredConsole {
  consoleUrl: string;
  managementUrl: string;
  organization: string;
  /** APIM version from the console's build.json, or null when build.json gives none. */
  version: string | null;
  /** The environments the console session may list; null when they could not be read. */
  environments: Array<{ id: string; name: string }> | null;
  /** Display name of the user signed in to the console, or null without a session Gatekeeper can use. */
  signedInAs: string | null;
  /** Whether Gatekeeper may already reach the Management API host. */
  hostAccess: boolean;
  /** Whether the console session can reach Gatekeeper at all (same site as the API). */
  sessionShareable: boolean;
  /** Id of an existing connection to the same API and organization, if any. */
  existingConnectionId: string | null;
}

export type DiscoveryResult = { ok: true; found: DiscoveredConsole } | { ok: false; reason: string; error?: SerializedGraviteeError };

/**
 * Reads a console's constants.json, build.json and (4.2+) bootstrap, and, where the extension may
 * reach the API, the environments and the signed-in user through the console session.
 */
export async function discoverConsoleConnection(consoleUrl: string): Promise<DiscoveryResult> {
  const fetchImpl = globalThis.fetch.bind(globalThis);
  let directory: string;
  let fromConstants: Awaited<ReturnType<typeof discoverConsole>>;
  try {
    directory = consoleDirectory(consoleUrl).href;
    fromConstants = await discoverConsole(directory, fetchImpl);
  } catch (error) {
    return { ok: false, reason: error instanceof DiscoveryError ? error.reason : String(error) };
  }

  const bootstrap = await readBootstrap(fromConstants.managementUrl, fetchImpl);
  const managementUrl = bootstrap?.managementUrl ?? fromConstants.managementUrl;
  const organization = fromConstants.organization ?? bootstrap?.organization ?? 'DEFAULT';
  const version = await readConsoleVersion(directory, fetchImpl);
  const hostAccess = await hasHostAccess([hostPattern(managementUrl)]);

  let environments: DiscoveredConsole['environments'] = null;
  let signedInAs: string | null = null;
  if (hostAccess) {
    const connection = { id: 'discovery', name: 'discovery', consoleUrl: directory, managementUrl, organization };
    const client = createGraviteeClient({ connection, token: null, csrf: createMemoryCsrfStore() });
    signedInAs = await client.getCurrentUser().then((user) => user.displayName, () => null);
    environments = await client.getEnvironments().then((list) => list.map(({ id, name }) => ({ id, name })), () => null);
  }

  const existing = (await connectionsItem.getValue()).find((entry) => entry.managementUrl === managementUrl && entry.organization === organization);
  return {
    ok: true,
    found: {
      consoleUrl: directory,
      managementUrl,
      organization,
      version,
      environments,
      signedInAs,
      hostAccess,
      sessionShareable: canShareConsoleSession(directory, managementUrl),
      existingConnectionId: existing?.id ?? null,
    },
  };
}

export type ConnectResult = { ok: true; connection: Connection } | { ok: false; needsHostAccess: string[] } | { ok: false; error: SerializedGraviteeError };

function uniqueName(base: string, usedNames: Set<string>): string {
  if (!usedNames.has(base)) return base;
  let index = 2;
  while (usedNames.has(`${base} (${index})`)) index += 1;
  return `${base} (${index})`;
}

/**
 * Creates a connection from a discovered console, without a token: it uses the console session.
 * Host access cannot be asked for from a console page, so without it the caller opens the options.
 */
export async function connectDiscovered(found: DiscoveredConsole): Promise<ConnectResult> {
  try {
    const patterns = [...new Set([hostPattern(found.consoleUrl), hostPattern(found.managementUrl)])];
    if (!(await hasHostAccess(patterns))) return { ok: false, needsHostAccess: patterns };

    const connections = await connectionsItem.getValue();
    const existing = connections.find((entry) => entry.managementUrl === found.managementUrl && entry.organization === found.organization);
    if (existing) return { ok: true, connection: existing };

    const connection: Connection = {
      id: crypto.randomUUID(),
      name: uniqueName(new URL(found.consoleUrl).host, new Set(connections.map((entry) => entry.name))),
      consoleUrl: found.consoleUrl,
      managementUrl: found.managementUrl,
      organization: found.organization,
    };
    await connectionsItem.setValue([...connections, connection]);
    return { ok: true, connection };
  } catch (error) {
    return { ok: false, error: toSerializedError(error) };
  }
}
