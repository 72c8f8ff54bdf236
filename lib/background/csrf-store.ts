import type { CsrfTokenStore } from '../gravitee/client';
import { csrfTokenItem } from '../storage';

/** Keeps Gravitee's CSRF token in session storage, so it outlives a stopped service worker. */
export const sessionCsrfStore: CsrfTokenStore = {
  get: () => csrfTokenItem.getValue(),
  set: (token) => csrfTokenItem.setValue(token),
};
