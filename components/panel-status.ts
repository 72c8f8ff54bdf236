import { STALE_AFTER_INTERVALS } from '@/lib/staleness';
import { formatCheckTime } from '@/lib/format';
import type { PendingRequest } from '@/lib/gravitee/types';
import type { Language, Translate } from '@/lib/i18n';
import type { ConnectionSnapshot, PollSnapshot } from '@/lib/messages';
import { errorSentence } from './error-sentence';

/** Says what failed for a connection; a 401 without a token is about the console session, not a token. */
function connectionErrorSentence(t: Translate, entry: ConnectionSnapshot): string {
  if (entry.error?.kind === 'unauthorized' && entry.authMode === 'session') {
    return t(entry.sessionShareable ? 'badge.sign-in.session' : 'badge.sign-in.cross-site');
  }
  return entry.error ? errorSentence(t, entry.error) : '';
}

export interface StatusLine {
  /** Stable React key: the connection id and the kind of line. */
  id: string;
  text: string;
  tone: 'info' | 'warning' | 'error';
}

/**
 * Whether the rows of a connection come from a recent successful poll ('current') or from an
 * older one, shown for context and marked ('out-of-date').
 */
export type RowFreshness = 'current' | 'out-of-date';

export interface PanelView {
  lines: StatusLine[];
  /** Connections whose rows are shown, by connection id. Rows of other connections are hidden. */
  rowFreshness: ReadonlyMap<string, RowFreshness>;
  /** Whether every connection's last poll succeeded recently, so the current rows are all there is. */
  complete: boolean;
  /** Whether "no requests are waiting" is a fact: the list is complete and empty. */
  showEmpty: boolean;
}

interface ConnectionView {
  lines: StatusLine[];
  rows: RowFreshness | null;
}

/**
 * Describes one connection. Its rows are current only after a successful poll younger than
 * STALE_AFTER_INTERVALS poll intervals, the rule the badge uses too. Rows of a failed or old
 * poll stay visible but are marked, and rows are hidden while no poll has succeeded.
 */
function describeConnection(
  entry: ConnectionSnapshot,
  visibleCount: number,
  now: Date,
  language: Language,
  t: Translate,
  label: (text: string) => string,
): ConnectionView {
  const lines: StatusLine[] = [];
  const add = (kind: string, text: string, tone: StatusLine['tone']) => lines.push({ id: `${entry.connectionId}:${kind}`, text: label(text), tone });

  switch (entry.status) {
    case 'permission-missing':
      add('permission-missing', t('panel.status.permission-missing'), 'warning');
      return { lines, rows: null };
    case 'never-polled':
      add('never-polled', t('panel.status.never-polled'), 'info');
      return { lines, rows: null };
    case 'error':
      if (entry.error) add('error', connectionErrorSentence(t, entry), 'error');
      // A null nextPollAt means the background waits for the user (after 401 or 403), because another try cannot fix those.
      if (entry.nextPollAt === null) add('paused', t('panel.status.paused'), 'info');
      break;
    case 'ok':
      break;
  }

  if (entry.lastSuccessAt === null) {
    add('never-succeeded', t('panel.status.never-succeeded'), 'info');
    return { lines, rows: null };
  }

  const time = formatCheckTime(entry.lastSuccessAt, now, language);
  const ageMs = now.getTime() - entry.lastSuccessAt;
  const stale = ageMs > STALE_AFTER_INTERVALS * entry.intervalSeconds * 1000;
  const fresh = entry.status === 'ok' && !stale;

  if (!fresh && visibleCount === 0) add('last-success', t('panel.status.last-success-empty', { time }), 'info');
  else if (entry.status === 'error') add('last-success', t('panel.status.out-of-date', { time }), 'warning');
  else if (stale) add('last-success', t('panel.status.stale', { time }), 'warning');

  if (entry.malformedCount > 0) {
    const text = entry.malformedCount === 1 ? t('panel.malformed.one') : t('panel.malformed', { count: entry.malformedCount });
    add('malformed', text, 'warning');
  }

  return { lines, rows: fresh ? 'current' : 'out-of-date' };
}

/**
 * Chooses the status lines and rows the panel shows for a snapshot. Each connection gets its own
 * lines, prefixed with its name when there are several, so one failing connection never hides
 * the rows of another. The panel claims that no requests are waiting only when every
 * connection's last poll succeeded recently, so a failed or missing poll reads as unknown.
 *
 * `visible` contains the requests still listed, without the ones the panel has just handled.
 */
export function describeSnapshot(
  snapshot: PollSnapshot | null,
  transportFailed: boolean,
  visible: readonly PendingRequest[],
  now: Date,
  language: Language,
  t: Translate,
): PanelView {
  const lines: StatusLine[] = [];
  const rowFreshness = new Map<string, RowFreshness>();
  if (transportFailed) lines.push({ id: 'transport-failed', text: t('panel.transport-failed'), tone: 'error' });
  if (!snapshot) {
    if (!transportFailed) lines.push({ id: 'loading', text: t('panel.loading'), tone: 'info' });
    return { lines, rowFreshness, complete: false, showEmpty: false };
  }
  if (snapshot.connections.length === 0) {
    lines.push({ id: 'not-configured', text: t('panel.status.not-configured'), tone: 'warning' });
    return { lines, rowFreshness, complete: false, showEmpty: false };
  }

  const several = snapshot.connections.length > 1;
  let complete = true;
  for (const entry of snapshot.connections) {
    const label = (text: string) => (several ? t('panel.status.prefixed', { connection: entry.connectionName, text }) : text);
    const visibleCount = visible.filter((request) => request.connectionId === entry.connectionId).length;
    const view = describeConnection(entry, visibleCount, now, language, t, label);
    lines.push(...view.lines);
    if (view.rows) rowFreshness.set(entry.connectionId, view.rows);
    if (view.rows !== 'current') complete = false;
  }

  const shownCount = visible.filter((request) => rowFreshness.has(request.connectionId)).length;
  return { lines, rowFreshness, complete, showEmpty: complete && shownCount === 0 };
}
