import { format, isSameDay } from 'date-fns';
import type { GraviteeErrorKind } from '../gravitee/errors';
import type { MessageKey, Translate } from '../i18n';
import type { PollSnapshot } from '../messages';

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
  stale: { symbol: null, color: '#757575' },
};

/** Which badge a failed poll shows. No failure ever shows a count, so a failure cannot read as "0". */
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
  network: 'unreachable',
  timeout: 'unreachable',
};

/** A count older than this many poll intervals is shown as stale. */
export const STALE_AFTER_INTERVALS = 3;

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

function errorReason(snapshot: PollSnapshot): string {
  const error = snapshot.error;
  if (!error) return '';
  return error.status ? `HTTP ${error.status}` : error.kind;
}

/** Derives what the toolbar badge shows from the stored poll snapshot; pure, for tests and the renderer. */
export function badgeView(snapshot: PollSnapshot, connectionOrigin: string | null, now: number, t: Translate): BadgeView {
  const lastCount = snapshot.lastSuccessAt === null ? null : snapshot.requests.length + snapshot.malformedCount;
  const lastGood =
    lastCount === null || snapshot.lastSuccessAt === null
      ? ''
      : ` ${t('badge.last-good', { lastCount, lastTime: formatTime(snapshot.lastSuccessAt, now) })}`;

  const view = (kind: BadgeKind, titleKey: MessageKey, params: Record<string, string | number> = {}, suffix = ''): BadgeView => {
    const style = BADGE_STYLES[kind];
    return { kind, text: style.symbol ?? '', color: style.color, title: t(titleKey, params) + suffix };
  };

  switch (snapshot.status) {
    case 'not-configured':
      return view('not-configured', 'badge.not-configured');
    case 'permission-missing':
      return view('permission-missing', 'badge.permission-missing', { origin: connectionOrigin ?? '' });
    case 'never-polled':
      return view('loading', 'badge.loading');
    case 'error': {
      const kind = snapshot.error ? KIND_FOR_ERROR[snapshot.error.kind] : 'server-error';
      const titleKey: MessageKey = kind === 'sign-in' ? 'badge.sign-in' : kind === 'forbidden' ? 'badge.forbidden' : kind === 'unreachable' ? 'badge.unreachable' : 'badge.server-error';
      return view(kind, titleKey, { reason: errorReason(snapshot) }, lastGood);
    }
    case 'ok':
      break;
  }

  const count = lastCount ?? 0;
  const staleAfterMs = snapshot.intervalSeconds * 1000 * STALE_AFTER_INTERVALS;
  if (snapshot.lastSuccessAt === null || now - snapshot.lastSuccessAt > staleAfterMs) {
    const lastTime = snapshot.lastSuccessAt === null ? '' : formatTime(snapshot.lastSuccessAt, now);
    return { kind: 'stale', text: `${countText(count)}?`, color: BADGE_STYLES.stale.color, title: t('badge.stale', { lastTime }) };
  }

  if (count === 0) return view('none', 'badge.none', { time: formatTime(snapshot.lastSuccessAt, now) });
  const title = count === 1 ? t('badge.count.one') : t('badge.count', { count });
  const malformed = snapshot.malformedCount > 0 ? ` ${t('badge.malformed', { count: snapshot.malformedCount })}` : '';
  return { kind: 'count', text: countText(count), color: BADGE_STYLES.count.color, title: title + malformed };
}
