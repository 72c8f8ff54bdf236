import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authentication, Authenticator } from './auth.ts';
import type { CsrfProtection } from './csrf.ts';
import type { FaultInjector } from './faults.ts';
import type { GraviteeProfile } from './profile.ts';
import type { RequestLog } from './request-log.ts';
import type { Store } from './store.ts';

/** Settings that tests and demos may change while the simulator runs. */
export interface RuntimeOptions {
  /** Organization setting `console.scheduler.tasks`: the console's task poll interval in seconds. */
  schedulerTasksSeconds: number;
  /** `http.api.management.cors.allow-origin`: '*' or a list of origins. */
  corsAllowOrigins: '*' | string[];
  /** Leave application entries out of the tasks metadata. */
  omitApplicationMetadata: boolean;
}

/** Everything the request handlers share for the lifetime of one simulator. */
export interface SimulatorContext {
  store: Store;
  profile: GraviteeProfile;
  clock: () => Date;
  options: RuntimeOptions;
  /** Options as given at start; a reset restores them. */
  initialOptions: Readonly<RuntimeOptions>;
  authenticator: Authenticator;
  csrf: CsrfProtection;
  faults: FaultInjector;
  requestLog: RequestLog;
  /** Set once the servers listen. */
  apiOrigin: string;
  consoleOrigin: string;
  /** Path of the console stand-in on its origin: `/`, or `/console/` when it shares the API's origin. */
  consoleBasePath: string;
  /** Whether constants.json gives the Management API as a path on the console's own origin. */
  consoleBaseUrlRelative: boolean;
}

/** One Management API request after CORS, CSRF and authentication. */
export interface RequestContext {
  sim: SimulatorContext;
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  authentication: Authentication;
}

export interface Route {
  method: string;
  /** Path relative to /management; `:name` segments are parameters. */
  pattern: string;
  /** Reachable without credentials. */
  public?: boolean;
  handle(context: RequestContext, params: Record<string, string>): Promise<void> | void;
}

/** Matches a path against a route pattern and returns the decoded parameters, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternSegments = pattern.split('/');
  const pathSegments = path.split('/');
  if (patternSegments.length !== pathSegments.length) return null;

  const params: Record<string, string> = {};
  for (const [index, patternSegment] of patternSegments.entries()) {
    const pathSegment = pathSegments[index] ?? '';
    if (patternSegment.startsWith(':')) {
      if (pathSegment === '') return null;
      try {
        params[patternSegment.slice(1)] = decodeURIComponent(pathSegment);
      } catch {
        return null;
      }
    } else if (patternSegment !== pathSegment) {
      return null;
    }
  }
  return params;
}
