import type { z } from 'zod/mini';
import { GraviteeError } from './errors';
import { segment, v1SubscriptionPath, type SubscriptionCoordinates } from './paths';
import { apiListSchema, environmentListSchema, v1SubscriptionSchema } from './schemas';

/**
 * Store of the environment each API belongs to, for subscription tasks without an environment id,
 * which APIM 3.x sends. An API never moves between environments, so entries do not expire.
 */
export interface EnvironmentCache {
  get(apiId: string): Promise<string | null>;
  /** Stores environment ids by API id, merged with the entries already stored. */
  set(entries: Record<string, string>): Promise<void>;
}

export function createMemoryEnvironmentCache(): EnvironmentCache {
  const entries = new Map<string, string>();
  return {
    get: async (apiId) => entries.get(apiId) ?? null,
    set: async (added) => {
      for (const [apiId, environmentId] of Object.entries(added)) entries.set(apiId, environmentId);
    },
  };
}

export interface EnvironmentLookup {
  organization: string;
  cache: EnvironmentCache;
  /** Sends an authenticated GET to a path under the Management API base and parses the response. */
  read<T>(path: string, schema: z.ZodMiniType<T>): Promise<T>;
}

// A 400 (unknown environment), 403 or 404 in one environment only rules that environment out.
function rulesOutEnvironment(error: unknown): boolean {
  return error instanceof GraviteeError && (error.kind === 'not-found' || error.kind === 'forbidden' || error.kind === 'bad-request');
}

/**
 * Finds the environment id of the API a subscription belongs to, for a task without one. An
 * organization with one environment needs no further request. Otherwise the v1 API list of each
 * environment (`GET …/environments/{env}/apis`, Gravitee's ApisResource.java) is read until one
 * contains the API. The list is narrowed with `ids`. A server that ignores the parameter returns
 * every API the caller can access there, and all of them are cached. Throws GraviteeError
 * 'not-found' when no environment has the API.
 */
export async function findApiEnvironment(lookup: EnvironmentLookup, target: SubscriptionCoordinates): Promise<string> {
  const cached = await lookup.cache.get(target.apiId);
  if (cached) return cached;

  const organizationPath = `/organizations/${segment(lookup.organization)}`;
  const environments = await lookup.read(`${organizationPath}/environments`, environmentListSchema);
  const only = environments.length === 1 ? environments[0] : undefined;
  if (only) {
    await lookup.cache.set({ [target.apiId]: only.id });
    return only.id;
  }

  for (const environment of environments) {
    let apis: z.infer<typeof apiListSchema>;
    try {
      apis = await lookup.read(`${organizationPath}/environments/${segment(environment.id)}/apis?ids=${segment(target.apiId)}`, apiListSchema);
    } catch (error) {
      if (rulesOutEnvironment(error)) continue;
      throw error;
    }
    await lookup.cache.set(Object.fromEntries(apis.map((api) => [api.id, environment.id])));
    if (apis.some((api) => api.id === target.apiId)) return environment.id;
  }

  // NOTE: the API lists hold the APIs the caller is a member of (or all, for an environment
  // admin). For an API reached some other way the subscription is read in each environment
  // instead, and the first environment that returns it wins. Gravitee's v1 subscription read may
  // not check the environment of the path, so this fallback can pick the wrong one for links.
  for (const environment of environments) {
    try {
      await lookup.read(v1SubscriptionPath(lookup.organization, environment.id, target), v1SubscriptionSchema);
    } catch (error) {
      if (rulesOutEnvironment(error)) continue;
      throw error;
    }
    await lookup.cache.set({ [target.apiId]: environment.id });
    return environment.id;
  }

  throw new GraviteeError('not-found', {
    request: `GET ${organizationPath}/environments`,
    serverMessage: `API ${target.apiId} was found in none of the ${environments.length} environments of organization ${lookup.organization}.`,
  });
}
