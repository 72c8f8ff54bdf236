import type { SubscriptionTarget } from './types';

/** The fields of a subscription target that address it inside one connection. */
export type SubscriptionCoordinates = Pick<SubscriptionTarget, 'referenceType' | 'apiId' | 'subscriptionId'>;

export function segment(value: string): string {
  return encodeURIComponent(value);
}

/** Path of the organization, relative to the Management API base: `/organizations/{org}`. */
export function organizationPath(organization: string): string {
  return `/organizations/${segment(organization)}`;
}

/**
 * Path of one subscription under Management API v2, for an API or an API Product (4.11+). The v2
 * path without the organization prefix takes the environment id only, never an hrid.
 */
export function v2SubscriptionPath(environmentId: string, target: SubscriptionCoordinates): string {
  const collection = target.referenceType === 'API_PRODUCT' ? 'api-products' : 'apis';
  return `/v2/environments/${segment(environmentId)}/${collection}/${segment(target.apiId)}/subscriptions/${segment(target.subscriptionId)}`;
}

/**
 * Path of one API subscription under Management API v1, which exists in every version from 3.x on.
 * The environment segment may be the id or an hrid. v1 has no API Product endpoints.
 */
export function v1SubscriptionPath(organization: string, environment: string, target: SubscriptionCoordinates): string {
  return `${organizationPath(organization)}/environments/${segment(environment)}/apis/${segment(target.apiId)}/subscriptions/${segment(target.subscriptionId)}`;
}
