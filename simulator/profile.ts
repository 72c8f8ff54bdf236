import type { SubscriptionStatus } from './model.ts';

/**
 * Every behaviour of the simulated server that differs between Gravitee versions. The rest of the
 * simulator reads these flags instead of comparing version strings, so another version is a new
 * profile object, not a code change.
 */
export interface GraviteeProfile {
  /** APIM version, served by the console stand-in as build.json `version`. */
  version: string;
  /** Management API v2 under /management/v2 exists (4.0 and later). */
  managementV2: boolean;
  /** `GET /management/v2/ui/bootstrap` exists (4.2 and later). */
  uiBootstrap: boolean;
  /**
   * API Products exist (4.11 and later): subscription tasks carry referenceId and referenceType,
   * product tasks and metadata appear, and the api-products endpoints exist.
   */
  apiProducts: boolean;
  /** Attributes of the tasks response. */
  tasks: {
    /** `metadata[id].environmentId` on applications and APIs (4.0 and later). */
    metadataEnvironmentId: boolean;
    /** `metadata[apiId].apiType` (4.11 and later). */
    metadataApiType: boolean;
    /** `environmentId` in a subscription task's data (4.4 and later). */
    dataEnvironmentId: boolean;
    /** `origin` in a subscription task's data (4.6 and later). */
    dataOrigin: boolean;
    /** `applicationName` in a subscription task's data (4.7 and later). */
    dataApplicationName: boolean;
  };
  /**
   * Failure of accept or reject on a subscription that is no longer PENDING. 4.4 and later throw an
   * unmapped IllegalStateException (HTTP 500), while 4.3 and earlier return 400 subscription.processed.
   */
  alreadyProcessed: 'http-500' | 'http-400';
  /** Statuses in which PUT may change a subscription: ACCEPTED only on 3.x, also PENDING and PAUSED on 4.x. */
  updatableStatuses: readonly SubscriptionStatus[];
  /** Console stand-in details. */
  console: {
    /** `#!/{envHrid}/…` with the Angular router (4.3 and later), or `#!/environments/{envId}/…` before. */
    routeStyle: 'environment-segment' | 'environments-prefix';
    /** Path word of one subscription's page: `subscription` on 4.0 to 4.2, `subscriptions` otherwise. */
    subscriptionRouteWord: 'subscriptions' | 'subscription';
    /** The console keeps the CSRF token in localStorage['XSRF-TOKEN'] (4.3 and later), else in memory. */
    xsrfTokenInLocalStorage: boolean;
    /** Label of the user-menu entry: "Tasks" on 4.x, "Task" on 3.20. */
    userMenuTaskLabel: string;
  };
}

/** Gravitee APIM 4.13 (master at the time of writing), the default profile. */
export const GRAVITEE_4_13: GraviteeProfile = {
  version: '4.13.0',
  managementV2: true,
  uiBootstrap: true,
  apiProducts: true,
  tasks: {
    metadataEnvironmentId: true,
    metadataApiType: true,
    dataEnvironmentId: true,
    dataOrigin: true,
    dataApplicationName: true,
  },
  alreadyProcessed: 'http-500',
  updatableStatuses: ['ACCEPTED', 'PENDING', 'PAUSED'],
  console: {
    routeStyle: 'environment-segment',
    subscriptionRouteWord: 'subscriptions',
    xsrfTokenInLocalStorage: true,
    userMenuTaskLabel: 'Tasks',
  },
};

/** Gravitee APIM 4.10: no API Products and no apiType in the tasks metadata yet. */
export const GRAVITEE_4_10: GraviteeProfile = {
  ...GRAVITEE_4_13,
  version: '4.10.0',
  apiProducts: false,
  tasks: { ...GRAVITEE_4_13.tasks, metadataApiType: false },
};

/**
 * Gravitee APIM 4.3: the first version with the Angular router and the CSRF token in localStorage.
 * Accept and reject still go through the older service, so "already processed" is a 400, and task
 * data has no environmentId, origin or applicationName.
 */
export const GRAVITEE_4_3: GraviteeProfile = {
  ...GRAVITEE_4_10,
  version: '4.3.0',
  tasks: { metadataEnvironmentId: true, metadataApiType: false, dataEnvironmentId: false, dataOrigin: false, dataApplicationName: false },
  alreadyProcessed: 'http-400',
};

/** Gravitee APIM 4.2: as 4.3, but the console still uses ui-router routes and keeps the CSRF token in memory. */
export const GRAVITEE_4_2: GraviteeProfile = {
  ...GRAVITEE_4_3,
  version: '4.2.0',
  console: { routeStyle: 'environments-prefix', subscriptionRouteWord: 'subscription', xsrfTokenInLocalStorage: false, userMenuTaskLabel: 'Tasks' },
};

/**
 * Gravitee APIM 3.20: no Management API v2 and no bootstrap, tasks metadata without environmentId,
 * and PUT only on ACCEPTED subscriptions.
 */
export const GRAVITEE_3_20: GraviteeProfile = {
  ...GRAVITEE_4_2,
  version: '3.20.0',
  managementV2: false,
  uiBootstrap: false,
  tasks: { ...GRAVITEE_4_2.tasks, metadataEnvironmentId: false },
  updatableStatuses: ['ACCEPTED'],
  console: { routeStyle: 'environments-prefix', subscriptionRouteWord: 'subscriptions', xsrfTokenInLocalStorage: false, userMenuTaskLabel: 'Task' },
};

/** Profiles by short version name, as accepted by `startSimulator({ profile })` and the CLI. */
export const PROFILES: Readonly<Record<string, GraviteeProfile>> = {
  '3.20': GRAVITEE_3_20,
  '4.2': GRAVITEE_4_2,
  '4.3': GRAVITEE_4_3,
  '4.10': GRAVITEE_4_10,
  '4.13': GRAVITEE_4_13,
};

/** Returns the profile for a short version name such as "4.13", or throws with the known names. */
export function findProfile(name: string): GraviteeProfile {
  const profile = PROFILES[name];
  if (!profile) throw new Error(`Unknown Gravitee profile "${name}"; expected one of: ${Object.keys(PROFILES).join(', ')}`);
  return profile;
}
