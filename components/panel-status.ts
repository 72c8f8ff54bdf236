import { formatCheckTime } from '@/lib/format';
import type { Language, Translate } from '@/lib/i18n';
import type { PollSnapshot } from '@/lib/messages';
import { errorSentence } from './error-sentence';

/**
 * How many poll intervals may pass after a successful poll before the list is called out of
 * date. One late poll is normal, because browsers delay alarms; two missed polls are not.
 */
export const STALE_AFTER_INTERVALS = 2;

export interface StatusLine {
  text: string;
  tone: 'info' | 'warning' | 'error';
}

export interface PanelView {
  lines: StatusLine[];
  /** Whether the requests of the snapshot are worth showing: they come from a successful poll. */
  showRows: boolean;
  /** Whether "no requests are waiting" is a fact: the last poll succeeded and is recent. */
  showEmpty: boolean;
}

/**
 * Chooses the status lines and sections the panel shows for a snapshot. It claims that no
 * requests are waiting only after a recent successful poll, so a failed or missing poll reads as
 * unknown, not as empty.
 */
export function describeSnapshot(
  snapshot: PollSnapshot | null,
  transportFailed: boolean,
  visibleCount: number,
  now: Date,
  language: Language,
  t: Translate,
): PanelView {
  const lines: StatusLine[] = [];
  if (transportFailed) lines.push({ text: t('panel.transport-failed'), tone: 'error' });
  if (!snapshot) {
    if (!transportFailed) lines.push({ text: t('panel.loading'), tone: 'info' });
    return { lines, showRows: false, showEmpty: false };
  }

  switch (snapshot.status) {
    case 'not-configured':
      lines.push({ text: t('panel.status.not-configured'), tone: 'warning' });
      return { lines, showRows: false, showEmpty: false };
    case 'permission-missing':
      lines.push({ text: t('panel.status.permission-missing'), tone: 'warning' });
      return { lines, showRows: false, showEmpty: false };
    case 'never-polled':
      lines.push({ text: t('panel.status.never-polled'), tone: 'info' });
      return { lines, showRows: false, showEmpty: false };
    case 'error':
    case 'ok':
      break;
  }

  if (snapshot.status === 'error' && snapshot.error) lines.push({ text: errorSentence(t, snapshot.error), tone: 'error' });

  if (snapshot.lastSuccessAt === null) {
    lines.push({ text: t('panel.status.never-succeeded'), tone: 'info' });
    return { lines, showRows: false, showEmpty: false };
  }

  const time = formatCheckTime(snapshot.lastSuccessAt, now, language);
  const ageMs = now.getTime() - snapshot.lastSuccessAt;
  const stale = ageMs > STALE_AFTER_INTERVALS * snapshot.intervalSeconds * 1000;
  const fresh = snapshot.status === 'ok' && !stale;

  if (!fresh && visibleCount === 0) {
    lines.push({ text: t('panel.status.last-success-empty', { time }), tone: 'info' });
  } else if (snapshot.status === 'error') {
    lines.push({ text: t('panel.status.last-success', { time }), tone: 'info' });
  } else if (stale) {
    lines.push({ text: t('panel.status.stale', { time }), tone: 'warning' });
  }

  if (snapshot.malformedCount > 0) {
    const text = snapshot.malformedCount === 1 ? t('panel.malformed.one') : t('panel.malformed', { count: snapshot.malformedCount });
    lines.push({ text, tone: 'warning' });
  }

  return { lines, showRows: true, showEmpty: fresh && visibleCount === 0 };
}
