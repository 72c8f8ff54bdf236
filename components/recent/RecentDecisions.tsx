import { useId, useState } from 'react';
import type { SubscriptionDetails } from '@/lib/gravitee/types';
import { translator, type Language } from '@/lib/i18n';
import { requestKey, type RecentDecision } from '@/lib/storage';
import type { RequestTransport } from '@/lib/transport';
import type { PresetSettingsState } from '../accept/use-preset-settings';
import { RecentDecisionItem } from './RecentDecisionItem';

export interface RecentDecisionsProps {
  transport: RequestTransport;
  /** Decisions taken through Gatekeeper, newest first. */
  decisions: RecentDecision[];
  language: Language;
  now: Date;
  clock: () => Date;
  presetStates: ReadonlyMap<string, PresetSettingsState>;
  /** Name of a connection when several are configured, else null. */
  connectionName(connectionId: string): string | null;
}

/**
 * Renders the collapsible list of requests recently accepted or rejected through Gatekeeper, with
 * "Change end date" for accepted ones. It starts collapsed, because the pending requests come first.
 */
export function RecentDecisions({ transport, decisions, language, now, clock, presetStates, connectionName }: RecentDecisionsProps) {
  const t = translator(language);
  const listId = useId();
  const [open, setOpen] = useState(false);
  // End dates changed here, shown until storage delivers a newer copy of that decision.
  const [changed, setChanged] = useState<ReadonlyMap<string, { base: RecentDecision; subscription: SubscriptionDetails }>>(() => new Map());

  if (decisions.length === 0) return null;

  return (
    <section className="gk-recent">
      <h3 className="gk-recent-title">
        <button type="button" className="gk-link-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((value) => !value)}>
          {t('panel.recent.title', { count: decisions.length })}
        </button>
      </h3>
      {open && (
        <ul className="gk-list" id={listId} aria-label={t('panel.recent.list.label')}>
          {decisions.map((decision) => {
            const key = requestKey(decision.request);
            const state = presetStates.get(decision.request.connectionId);
            const overlay = changed.get(key);
            return (
              <RecentDecisionItem
                key={key}
                transport={transport}
                decision={decision}
                latest={overlay && overlay.base === decision ? overlay.subscription : null}
                t={t}
                language={language}
                now={now}
                clock={clock}
                settings={state && state.status !== 'loading' ? state.settings : null}
                connectionName={connectionName(decision.request.connectionId)}
                onChanged={(subscription) => setChanged((current) => new Map(current).set(key, { base: decision, subscription }))}
              />
            );
          })}
        </ul>
      )}
    </section>
  );
}
