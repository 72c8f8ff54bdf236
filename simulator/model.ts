// In-memory entities of the simulated Gravitee installation. Dates are Date objects here; each
// API version formats them its own way (v1 epoch milliseconds, v2 ISO-8601).

export type SubscriptionStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'CLOSED' | 'PAUSED';
export type ConsumerStatus = 'STARTED' | 'STOPPED' | 'FAILURE';
export type PlanSecurityType = 'API_KEY' | 'JWT' | 'OAUTH2' | 'MTLS' | 'KEY_LESS';
export type ReferenceType = 'API' | 'API_PRODUCT';
export type MemberRole = 'PRIMARY_OWNER' | 'OWNER' | 'USER';
export type ApiKeyMode = 'EXCLUSIVE' | 'SHARED' | 'UNSPECIFIED';

/** The v4 API type labels that Gravitee puts in the tasks metadata as `apiType`. */
export type ApiType = 'proxy' | 'message' | 'native' | 'mcp-proxy' | 'llm-proxy' | 'a2a-proxy';

export interface Environment {
  id: string;
  hrids: string[];
  name: string;
  description: string;
  organizationId: string;
}

export interface User {
  id: string;
  username: string;
  /** Password for HTTP Basic and console login; absent for users that cannot log in. */
  password?: string;
  firstname?: string;
  lastname?: string;
  displayName: string;
  email?: string;
  /** Personal access token (a UUID, no dot). */
  personalAccessToken?: string;
  /** Holds the ENVIRONMENT:ADMIN authority in every environment of the organization. */
  environmentAdmin: boolean;
  status: 'ACTIVE' | 'PENDING';
  createdAt: Date;
}

export interface Membership {
  userId: string;
  role: MemberRole;
}

export interface Group {
  id: string;
  name: string;
  members: Membership[];
}

export interface Api {
  id: string;
  name: string;
  description: string;
  apiVersion: string;
  environmentId: string;
  apiType: ApiType | null;
  primaryOwnerId: string;
  members: Membership[];
  groupIds: string[];
  createdAt: Date;
}

export interface ApiProduct {
  id: string;
  name: string;
  description: string;
  environmentId: string;
  primaryOwnerId: string;
  members: Membership[];
  apiIds: string[];
}

export interface Plan {
  id: string;
  name: string;
  description: string;
  referenceType: ReferenceType;
  referenceId: string;
  security: PlanSecurityType;
  validation: 'MANUAL' | 'AUTO';
  status: 'PUBLISHED' | 'CLOSED';
  mode: 'STANDARD' | 'PUSH';
}

export interface Application {
  id: string;
  name: string;
  description: string;
  domain?: string;
  type: 'SIMPLE' | 'BROWSER' | 'WEB' | 'NATIVE' | 'BACKEND_TO_BACKEND';
  environmentId: string;
  primaryOwnerId: string;
  apiKeyMode: ApiKeyMode;
  /** OAuth client id, sent in subscriptions to JWT and OAuth2 plans. */
  clientId?: string;
}

export interface ApiKey {
  id: string;
  /** The secret key value. Never leaves the simulator in any response. */
  key: string;
  subscriptionId: string;
  expireAt: Date | null;
  revoked: boolean;
  createdAt: Date;
}

export interface ConsumerConfiguration {
  entrypointId: string;
  channel?: string;
  entrypointConfiguration?: Record<string, unknown>;
}

export interface Subscription {
  id: string;
  referenceType: ReferenceType;
  referenceId: string;
  environmentId: string;
  planId: string;
  applicationId: string;
  status: SubscriptionStatus;
  consumerStatus: ConsumerStatus;
  subscribedBy: string;
  processedBy?: string;
  consumerMessage?: string;
  publisherMessage?: string;
  metadata?: Record<string, string>;
  consumerConfiguration?: ConsumerConfiguration;
  origin: 'MANAGEMENT' | 'KUBERNETES';
  failureCause?: string;
  daysToExpirationOnLastNotification?: number;
  createdAt: Date;
  updatedAt: Date;
  processedAt?: Date;
  startingAt?: Date;
  endingAt?: Date;
  closedAt?: Date;
  pausedAt?: Date;
  consumerPausedAt?: Date;
}

/** An API review workflow; only the latest one per API counts. */
export interface Workflow {
  id: string;
  apiId: string;
  state: 'IN_REVIEW' | 'REQUEST_FOR_CHANGES';
  comment: string;
  userId: string;
  createdAt: Date;
}

export interface StoreData {
  organizationId: string;
  environments: Environment[];
  users: User[];
  groups: Group[];
  apis: Api[];
  apiProducts: ApiProduct[];
  plans: Plan[];
  applications: Application[];
  subscriptions: Subscription[];
  apiKeys: ApiKey[];
  workflows: Workflow[];
}
