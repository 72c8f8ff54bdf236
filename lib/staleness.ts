import type { ConnectionSnapshot } from './messages';

/** A count older than this many poll intervals is out of date, for the badge, the panel and the launcher. */
export const STALE_AFTER_INTERVALS = 3;

/** Returns whether a connection's last successful poll is missing or too old to vouch for its count. */
export function isStale(entry: Pick<ConnectionSnapshot, 'lastSuccessAt' | 'intervalSeconds'>, now: number): boolean {
  return entry.lastSuccessAt === null || now - entry.lastSuccessAt > entry.intervalSeconds * 1000 * STALE_AFTER_INTERVALS;
}
