import { format, isSameDay } from 'date-fns';
import type { GraviteeErrorKind } from '../gravitee/errors';
import type { MessageKey, Translate } from '../i18n';
import type { ConnectionSnapshot, PollSnapshot } from '../messages';
import { isStale } from '../staleness';

export type BadgeKind =
  | 'count'
  | 'none'
  | 'loading'
  | 'not-configured'
  | 'permission-missing'
  | 'sign-in'
  | 'forbidden'
  | 'server-error'
  | 'unreachable'
  | 'stale';

/** Symbol and colour per badge kind. A kind without a symbol shows the count, or nothing for 'none'. */
export const BADGE_STYLES: Record<BadgeKind, { symbol: string | null; color: string }> = {
  count: { symbol: null, color: '#1565c0' },
  none: { symbol: '', color: '#1565c0' },
  loading: { symbol: '…', color: '#757575' },
  'not-configured': { symbol: '?', color: '#757575' },
  'permission-missing': { symbol: 'OFF', color: '#e65100' },
  'sign-in': { symbol: 'X', color: '#c62828' },
  forbidden: { symbol: '403', color: '#c62828' },
  'server-error': { symbol: 'ERR', color: '#c62828' },
  unreachable: { symbol: '!', color: '#e65100' },
  stale: { symbol: '?', color: '#757575' },
};

/** Badge kind per failure of a poll. No failure shows a count, so a failure cannot read as "0". */
const KIND_FOR_ERROR: Record<GraviteeErrorKind, BadgeKind> = {
  unauthorized: 'sign-in',
  forbidden: 'forbidden',
  'csrf-or-cors': 'forbidden',
  'not-found': 'server-error',
  'already-processed': 'server-error',
  'bad-request': 'server-error',
  'rate-limited': 'server-error',
  server: 'server-error',
  'invalid-response': 'server-error',
  'not-applied': 'server-error',
  network: 'unreachable',
  timeout: 'unreachable',
};

/** A count older than this many poll intervals is shown as stale. */
export { STALE_AFTER_INTERVALS } from '../staleness';

export interface BadgeView {
  kind: BadgeKind;
  text: string;
  color: string;
  title: string;
}

/** Caps the badge count at 99+, because the badge has room for about four characters. */
export function countText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

function formatTime(at: number, now: number): string {
  return isSameDay(at, now) ? format(at, 'HH:mm') : format(at, 'yyyy-MM-dd HH:mm');
}

function errorReason(entry: ConnectionSnapshot): string {
  const error = entry.error;
  if (!error) return '';
  return error.status ? `HTTP ${error.status}` : error.kind;
}

/** Problems in the order the badge prefers to show them when several connections have one. */
const PROBLEM_PRIORITY: BadgeKind[] = ['sign-in', 'forbidden', 'permission-missing', 'server-error', 'unreachable', 'stale', 'loading'];

interface ConnectionView {
  kind: BadgeKind;
  /** Requests the badge may count: only from a successful, recent poll. */
  vouchedCount: number | null;
  title: string;
}

/** Says what to do about a 401: a token was rejected, or the console session is missing or cannot be shared. */
function signInMessage(entry: ConnectionSnapshot): MessageKey {
  if (entry.authMode === 'token') return 'badge.sign-in';
  return entry.sessionShareable ? 'badge.sign-in.session' : 'badge.sign-in.cross-site';
}

/** Computes what one connection contributes to the badge. */
function connectionView(entry: ConnectionSnapshot, now: number, t: Translate): ConnectionView {
  const lastCount = entry.lastSuccessAt === null ? null : entry.requests.length + entry.malformedCount;
  const lastGood =
    lastCount === null || entry.lastSuccessAt === null ? '' : ` ${t('badge.last-good', { lastCount, lastTime: formatTime(entry.lastSuccessAt, now) })}`;

  switch (entry.status) {
    case 'permission-missing':
      return { kind: 'permission-missing', vouchedCount: null, title: t('badge.permission-missing', { origin: new URL(entry.consoleUrl).origin }) };
    case 'never-polled':
      return { kind: 'loading', vouchedCount: null, title: t('badge.loading') };
    case 'error': {
      const kind = entry.error ? KIND_FOR_ERROR[entry.error.kind] : 'server-error';
      const titleKey: MessageKey =
        kind === 'sign-in'
          ? signInMessage(entry)
          : kind === 'forbidden'
            ? 'badge.forbidden'
            : kind === 'unreachable'
              ? 'badge.unreachable'
              : 'badge.server-error';
      return { kind, vouchedCount: null, title: t(titleKey, { reason: errorReason(entry) }) + lastGood };
    }
    case 'ok':
      break;
  }

  const count = lastCount ?? 0;
  if (entry.lastSuccessAt === null || isStale(entry, now)) {
    const lastTime = entry.lastSuccessAt === null ? '' : formatTime(entry.lastSuccessAt, now);
    return { kind: 'stale', vouchedCount: null, title: t('badge.stale', { lastTime }) + lastGood };
  }
  if (count === 0) return { kind: 'none', vouchedCount: 0, title: t('badge.none', { time: formatTime(entry.lastSuccessAt, now) }) };
  const title = count === 1 ? t('badge.count.one') : t('badge.count', { count });
  const malformed = entry.malformedCount > 0 ? ` ${t('badge.malformed', { count: entry.malformedCount })}` : '';
  return { kind: 'count', vouchedCount: count, title: title + malformed };
}

function staleText(entry: ConnectionSnapshot): string {
  return `${countText(entry.requests.length + entry.malformedCount)}?`;
}

/**
 * Derives what the toolbar badge shows from the stored snapshot; pure, for tests and the renderer.
 * The badge sums the vouched counts of all connections. When a connection has a problem, the
 * badge shows that problem; with counts from other connections it shows them as "N+".
 */
export function badgeView(snapshot: PollSnapshot, now: number, t: Translate): BadgeView {
  if (snapshot.connections.length === 0) {
    const style = BADGE_STYLES['not-configured'];
    return { kind: 'not-configured', text: style.symbol ?? '', color: style.color, title: t('badge.not-configured') };
  }

  const views = snapshot.connections.map((entry) => ({ entry, view: connectionView(entry, now, t) }));
  const vouched = views.reduce((sum, { view }) => sum + (view.vouchedCount ?? 0), 0);
  const problem = PROBLEM_PRIORITY.find((kind) => views.some(({ view }) => view.kind === kind));
  const title =
    views.length === 1 ? (views[0]?.view.title ?? '') : views.map(({ entry, view }) => `${entry.connectionName}: ${view.title}`).join('\n');

  if (!problem) {
    const kind: BadgeKind = vouched === 0 ? 'none' : 'count';
    return { kind, text: vouched === 0 ? '' : countText(vouched), color: BADGE_STYLES[kind].color, title };
  }

  const style = BADGE_STYLES[problem];
  if (vouched > 0) return { kind: problem, text: `${countText(vouched)}+`, color: style.color, title };
  if (problem === 'stale' && views.length === 1 && views[0]) return { kind: 'stale', text: staleText(views[0].entry), color: style.color, title };
  return { kind: problem, text: style.symbol ?? '', color: style.color, title };
}
