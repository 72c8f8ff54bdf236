import { useId, useMemo, type ReactNode } from 'react';
import { IN_FLIGHT_EXPIRY_MS } from '@/lib/storage';
import type { PendingRequest } from '@/lib/gravitee/types';
import { translator, type Language } from '@/lib/i18n';
import { allRequests, type ConnectionSnapshot, type PollSnapshot } from '@/lib/messages';
import { requestKey } from '@/lib/storage';
import type { RequestTransport } from '@/lib/transport';
import { usePresetSettings } from './accept/use-preset-settings';
import { PanelHeader } from './PanelHeader';
import { describeSnapshot } from './panel-status';
import { RecentDecisions } from './recent/RecentDecisions';
import { useRecentDecisions } from './recent/use-recent-decisions';
import { RequestRow } from './RequestRow';
import { useClock } from './use-clock';
import { useInFlightActions } from './use-in-flight';
import { useNotices } from './use-notices';
import { usePollSnapshot } from './use-poll-snapshot';
import { useRequestActions } from './use-request-actions';

export interface RequestPanelProps {
  transport: RequestTransport;
  language: Language;
  /** Current time; tests pass a fixed clock. */
  now?: () => Date;
  /** Renders links under the header, such as the popup's console and options links. The snapshot is null until the first one arrives. */
  renderLinks?(snapshot: PollSnapshot | null): ReactNode;
}

const systemClock = () => new Date();

/** How often wait times and the offered validity period are recomputed, in milliseconds. */
const CLOCK_TICK_MS = 30_000;

/** How long a result message such as "Accepted …" stays visible, in milliseconds. */
const NOTICE_LIFETIME_MS = 8_000;

/**
 * Renders the pending subscription requests of every connection with Accept and Reject, for the
 * console panel and the toolbar popup. It reads and changes data only through `transport`.
 */
export function RequestPanel({ transport, language, now = systemClock, renderLinks }: RequestPanelProps) {
  const t = translator(language);
  const titleId = useId();
  const { snapshot, transportFailed, refreshing, refresh } = usePollSnapshot(transport);
  const inFlight = useInFlightActions(transport);
  const tick = useClock(now, CLOCK_TICK_MS);
  const { notices, addNotice } = useNotices(NOTICE_LIFETIME_MS);

  const connections = useMemo(
    () => new Map<string, ConnectionSnapshot>((snapshot?.connections ?? []).map((entry) => [entry.connectionId, entry])),
    [snapshot],
  );
  // Rows name their connection only when there is more than one to tell apart.
  const several = connections.size > 1;

  function summaryOf(request: PendingRequest): string {
    const params = { application: request.applicationName, api: request.apiName, plan: request.planName };
    const connectionName = connections.get(request.connectionId)?.connectionName;
    return several && connectionName ? t('panel.summary.connection', { ...params, connection: connectionName }) : t('panel.summary', params);
  }

  const actions = useRequestActions({ transport, t, summaryOf, addNotice, refresh });
  const { handledKeys, sendingKeys } = actions;

  const visible = useMemo(
    () => (snapshot ? allRequests(snapshot) : []).filter((request) => !handledKeys.has(requestKey(request))),
    [snapshot, handledKeys],
  );
  const view = describeSnapshot(snapshot, transportFailed, visible, tick, language, t);
  const listed = visible.filter((request) => view.rowFreshness.has(request.connectionId));
  const recent = useRecentDecisions(transport);
  const presetStates = usePresetSettings(transport, [
    ...listed.map((request) => request.connectionId),
    ...recent.map((decision) => decision.request.connectionId),
  ]);
  const currentCount = listed.filter((request) => view.rowFreshness.get(request.connectionId) === 'current').length;
  const count = view.complete ? { value: currentCount, complete: true } : currentCount > 0 ? { value: currentCount, complete: false } : null;

  /** Returns whether another tab, panel or popup is sending a decision on the request. Older marks are leftovers of a stopped worker. */
  function busyElsewhere(key: string): boolean {
    const entry = inFlight[key];
    if (!entry || sendingKeys.has(key)) return false;
    return tick.getTime() - entry.since < IN_FLIGHT_EXPIRY_MS;
  }

  return (
    <section className="gk-panel" aria-labelledby={titleId} lang={language}>
      <PanelHeader t={t} titleId={titleId} count={count} refreshing={refreshing} onRefresh={() => void refresh()} />

      {renderLinks?.(snapshot)}

      {view.lines.map((line) => (
        <p key={line.id} className={`gk-status gk-status-${line.tone}`}>
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

      {listed.length > 0 && (
        <ul className="gk-list" aria-label={t('panel.list.label')}>
          {listed.map((request) => {
            const key = requestKey(request);
            const connection = connections.get(request.connectionId);
            return (
              <RequestRow
                key={key}
                request={request}
                summary={summaryOf(request)}
                connectionName={several ? (connection?.connectionName ?? null) : null}
                consoleUrl={connection?.consoleUrl ?? null}
                routeStyle={connection?.routeStyle ?? null}
                outOfDate={view.rowFreshness.get(request.connectionId) === 'out-of-date'}
                busyElsewhere={busyElsewhere(key)}
                language={language}
                now={tick}
                clock={now}
                presets={presetStates.get(request.connectionId) ?? { status: 'loading' }}
                onAccept={actions.accept}
                onReject={actions.reject}
              />
            );
          })}
        </ul>
      )}

      {view.showEmpty && <p className="gk-empty">{t('panel.empty')}</p>}

      <RecentDecisions
        transport={transport}
        decisions={recent}
        language={language}
        now={tick}
        clock={now}
        presetStates={presetStates}
        connectionName={(connectionId) => (several ? (connections.get(connectionId)?.connectionName ?? null) : null)}
      />
    </section>
  );
}
