import type { Connection } from '../gravitee/types';

/**
 * Returns the key under which the preset store keeps a connection's rules and default preset: its
 * Management API URL and organization. Connection ids are random per browser, but rules name API
 * and plan ids of one Gravitee installation, so keying them by installation lets them sync to the
 * user's other browsers and survive removing and adding the connection again.
 */
export function presetConnectionKey(connection: Pick<Connection, 'managementUrl' | 'organization'>): string {
  return `${connection.managementUrl.replace(/\/+$/, '')}|${connection.organization}`;
}
