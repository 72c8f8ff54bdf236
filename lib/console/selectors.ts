// Every element of Gravitee's console that Gatekeeper looks for, with the page it belongs to. The
// console's markup changes between versions; keeping the selectors here makes that one edit.

/**
 * Subscription page (`#!/{env}/apis/{apiId}/subscriptions/{id}`), Gravitee 4.x: the footer of the
 * "Subscription details" card that contains "Validate subscription", "Reject subscription" and
 * "Change end date". The console renders it only for PENDING, ACCEPTED and PAUSED subscriptions
 * the user may update, which is exactly when Gatekeeper has controls to add.
 * Source: gravitee-apim-console-webui/src/management/api/subscriptions/edit/api-subscription-edit.component.html
 */
export const SUBSCRIPTION_FOOTER = '.subscription__footer';

/** The attribute that marks a console element Gatekeeper has already enhanced, so re-renders never duplicate controls. */
export const SEEN_ATTRIBUTE = 'data-gatekeeper-seen';
