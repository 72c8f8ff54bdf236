import { formatDateTime, formatDateTimeWithZone } from '@/lib/format';
import type { SubscriptionDetails } from '@/lib/gravitee/types';
import type { Language, Translate } from '@/lib/i18n';
import type { PresetSettings } from '@/lib/presets/model';
import type { RecentDecision } from '@/lib/storage';
import type { RequestTransport } from '@/lib/transport';
import { EndDateChanger } from './EndDateChanger';

export interface RecentDecisionItemProps {
  transport: RequestTransport;
  decision: RecentDecision;
  /** The subscription as a change made here stored it, newer than the decision until storage catches up. */
  latest: SubscriptionDetails | null;
  t: Translate;
  language: Language;
  now: Date;
  clock: () => Date;
  settings: PresetSettings | null;
  connectionName: string | null;
  onChanged(subscription: SubscriptionDetails): void;
}

/** Renders one recent decision: what was decided and when, the current end date, and "Change end date" for an acceptance. */
export function RecentDecisionItem({ transport, decision, latest, t, language, now, clock, settings, connectionName, onChanged }: RecentDecisionItemProps) {
  const { request } = decision;
  const params = { application: request.applicationName, api: request.apiName, plan: request.planName };
  const summary = connectionName ? t('panel.summary.connection', { ...params, connection: connectionName }) : t('panel.summary', params);
  const accepted = decision.decision === 'accept';
  const endingAt = (latest ?? decision.subscription).endingAt;
  const time = formatDateTime(decision.at, language);

  return (
    <li className="gk-row">
      <p className="gk-row-title">{summary}</p>
      <p className="gk-hint">
        {accepted ? t('panel.recent.accepted', { time }) : t('panel.recent.rejected', { time })}
        {accepted && ` · ${endingAt ? t('panel.recent.ends', { end: formatDateTimeWithZone(new Date(endingAt), language) }) : t('panel.recent.no-end')}`}
      </p>
      {accepted && (
        <EndDateChanger
          transport={transport}
          request={request}
          summary={summary}
          t={t}
          language={language}
          now={now}
          clock={clock}
          settings={settings}
          onChanged={onChanged}
        />
      )}
    </li>
  );
}
