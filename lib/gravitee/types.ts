/** One Gravitee installation and organization that Gatekeeper polls and acts on. */
export interface Connection {
  /** Stable id, generated when the connection is created; keys its token and poll state. */
  id: string;
  /** Name shown beside its requests and in tooltips, e.g. `UiO production`. */
  name: string;
  /** Console address as the user opens it, e.g. `https://apim.example.org/console/`. */
  consoleUrl: string;
  /** Management API base, ending in `/management`, e.g. `https://apim.example.org/management`. */
  managementUrl: string;
  /** Organization id; Gravitee's default organization is `DEFAULT`. */
  organization: string;
  /** Set by an administrator's policy (storage.managed): the user may add a token but not edit or remove it. */
  managed?: boolean;
}

/** A subscription request waiting for an API owner's decision (a SUBSCRIPTION_APPROVAL task). */
export interface PendingRequest {
  /** The connection the request was read through; set by the poller, empty from the parser. */
  connectionId: string;
  subscriptionId: string;
  /** API Product subscriptions (Gravitee 4.11+) are handled under `/api-products/` instead of `/apis/`. */
  referenceType: 'API' | 'API_PRODUCT';
  /** The API id, or the API Product id when referenceType is API_PRODUCT. */
  apiId: string;
  apiName: string;
  planId: string;
  planName: string;
  applicationId: string;
  applicationName: string;
  /**
   * Environment id from the task metadata. Gravitee 3.x does not send it, so there it is null until
   * an action has found the environment of the API and the client fills it in from its cache.
   */
  environmentId: string | null;
  /** The consumer's message to the API owner, if any. */
  consumerMessage: string | null;
  /** When the consumer asked, in epoch milliseconds. */
  createdAt: number;
}

/** The validity period sent with an acceptance. A null end means the subscription never ends. */
export interface ValidityPeriod {
  startingAt: Date;
  endingAt: Date | null;
}

export type SubscriptionStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'CLOSED' | 'PAUSED' | 'RESUMED';

/** The fields of a v2 Subscription that Gatekeeper reads. Dates are ISO-8601 strings. */
export interface SubscriptionSummary {
  id: string;
  status: SubscriptionStatus;
  startingAt: string | null;
  endingAt: string | null;
  processedAt: string | null;
  publisherMessage: string | null;
}

/** The signed-in user, as `GET /organizations/{org}/user` returns it. */
export interface CurrentUser {
  id: string;
  displayName: string;
  email: string | null;
}

/** The coordinates of one subscription, enough to address it in the Management API. */
export type SubscriptionTarget = Pick<PendingRequest, 'connectionId' | 'environmentId' | 'referenceType' | 'apiId' | 'subscriptionId'>;

/** A subscription as read before an end-date change. */
export interface SubscriptionDetails extends SubscriptionSummary {
  planName: string | null;
  /** Plan security type, e.g. API_KEY, JWT, OAUTH2, MTLS, KEY_LESS; null when Gravitee did not send it. */
  planSecurity: string | null;
}
