import { useId, useMemo, useState } from 'react';
import type { PendingRequest } from '@/lib/gravitee/types';
import { translator, type Language, type MessageKey } from '@/lib/i18n';
import type { ActionResult } from '@/lib/messages';
import type { RequestTransport } from '@/lib/transport';
import { errorSentence } from './error-sentence';
import { PanelHeader } from './PanelHeader';
import { describeSnapshot } from './panel-status';
import type { AcceptHandler, ActionOutcome, RejectHandler } from './request-actions';
import { RequestRow } from './RequestRow';
import { useClock } from './use-clock';
import { useNotices } from './use-notices';
import { usePollSnapshot } from './use-poll-snapshot';

export interface RequestPanelProps {
  transport: RequestTransport;
  language: Language;
  /** Current time; tests pass a fixed clock. */
  now?: () => Date;
}

const systemClock = () => new Date();

/** How often wait times and the offered validity period are recomputed, in milliseconds. */
const CLOCK_TICK_MS = 30_000;

/** How long a result message such as "Accepted …" stays visible, in milliseconds. */
const NOTICE_LIFETIME_MS = 8_000;

/**
 * The list of pending subscription requests with Accept and Reject, shared by the console panel
 * and the toolbar popup. It reads and changes data only through `transport`.
 */
export function RequestPanel({ transport, language, now = systemClock }: RequestPanelProps) {
  const t = translator(language);
  const titleId = useId();
  const { snapshot, transportFailed, refreshing, refresh } = usePollSnapshot(transport);
  const tick = useClock(now, CLOCK_TICK_MS);
  const { notices, addNotice } = useNotices(NOTICE_LIFETIME_MS);
  // Requests handled here stay hidden even if a snapshot taken before the action still lists them.
  const [handledIds, setHandledIds] = useState<ReadonlySet<string>>(() => new Set());

  const visible = useMemo(
    () =>
      (snapshot?.requests ?? [])
        .filter((request) => !handledIds.has(request.subscriptionId))
        .sort((a, b) => a.createdAt - b.createdAt),
    [snapshot, handledIds],
  );
  const view = describeSnapshot(snapshot, transportFailed, visible.length, tick, language, t);

  function summaryOf(request: PendingRequest): string {
    return t('panel.summary', { application: request.applicationName, api: request.apiName, plan: request.planName });
  }

  function markHandled(request: PendingRequest) {
    setHandledIds((current) => new Set(current).add(request.subscriptionId));
  }

  async function runAction(request: PendingRequest, successKey: MessageKey, send: () => Promise<ActionResult>): Promise<ActionOutcome> {
    let result: ActionResult;
    try {
      result = await send();
    } catch {
      return { done: false, errorText: t('panel.transport-failed') };
    }

    if (result.ok) {
      markHandled(request);
      addNotice(t(successKey, { summary: summaryOf(request) }));
      return { done: true };
    }

    if (result.error.kind === 'already-processed') {
      markHandled(request);
      const status = result.current?.status;
      addNotice(
        status
          ? t('panel.result.already-processed.status', { summary: summaryOf(request), status })
          : t('panel.result.already-processed', { summary: summaryOf(request) }),
      );
      // The list is out of date for this request, so it is read again.
      void refresh();
      return { done: true };
    }

    return { done: false, errorText: errorSentence(t, result.error) };
  }

  const accept: AcceptHandler = (request, validity) =>
    runAction(request, 'panel.result.accepted', () => transport.accept(request, validity));
  const reject: RejectHandler = (request, message) =>
    runAction(request, 'panel.result.rejected', () => transport.reject(request, message));

  return (
    <section className="gk-panel" aria-labelledby={titleId} lang={language}>
      <PanelHeader
        t={t}
        titleId={titleId}
        count={view.showRows ? visible.length : null}
        refreshing={refreshing}
        onRefresh={() => void refresh()}
      />

      {view.lines.map((line) => (
        <p key={line.text} className={`gk-status gk-status-${line.tone}`}>
          {line.text}
        </p>
      ))}

      <div className="gk-notices" role="status" aria-live="polite">
        {notices.map((notice) => (
          <p key={notice.id} className="gk-notice">
            {notice.text}
          </p>
        ))}
      </div>

      {view.showRows && visible.length > 0 && (
        <ul className="gk-list" aria-label={t('panel.list.label')}>
          {visible.map((request) => (
            <RequestRow
              key={request.subscriptionId}
              request={request}
              consoleUrl={snapshot?.consoleUrl ?? null}
              language={language}
              now={tick}
              clock={now}
              onAccept={accept}
              onReject={reject}
            />
          ))}
        </ul>
      )}

      {view.showEmpty && <p className="gk-empty">{t('panel.empty')}</p>}
    </section>
  );
}
