import { useEffect, useRef, useState } from 'react';
import { formatDateTimeWithZone } from '@/lib/format';
import type { PendingRequest, SubscriptionDetails, SubscriptionTarget } from '@/lib/gravitee/types';
import type { Language, Translate } from '@/lib/i18n';
import type { SubscriptionResult } from '@/lib/messages';
import type { PresetSettings } from '@/lib/presets/model';
import { pickPreset } from '@/lib/presets/rules';
import type { RequestTransport } from '@/lib/transport';
import { errorSentence } from '../error-sentence';
import { EndDateForm } from './EndDateForm';
import { checkEnd, presetEndOptions, selectedEnd, warningFor, type EndSelection } from './end-date-choice';

export interface EndDateChangerProps {
  transport: RequestTransport;
  request: PendingRequest;
  /** "application → API (plan)", for the button label and the confirmation. */
  summary: string;
  t: Translate;
  language: Language;
  /** The panel's clock tick: preset ends are computed from it. */
  now: Date;
  /** Reads the current time when the new end is checked before sending. */
  clock: () => Date;
  /** The presets of the request's connection, or null while they are read. */
  settings: PresetSettings | null;
  /** Called with the subscription as Gravitee stored it after a change. */
  onChanged(subscription: SubscriptionDetails): void;
}

// Gravitee changes the validity of running subscriptions only; Gatekeeper's control on the
// console's subscription page offers it for the same statuses.
const CHANGEABLE_STATUSES = new Set(['ACCEPTED', 'PAUSED']);

type Stage =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'load-failed'; text: string }
  | { kind: 'not-changeable'; status: string }
  | { kind: 'choose'; subscription: SubscriptionDetails }
  | { kind: 'confirm'; subscription: SubscriptionDetails; end: Date | null; sending: boolean; error: string | null };

/**
 * Renders "Change end date" for an accepted subscription: reads it from Gravitee, offers preset
 * ends computed from today, a date or no end, warns before shortening or removing the end, has
 * the user confirm, and reports the end date Gravitee stored or the error.
 */
export function EndDateChanger({ transport, request, summary, t, language, now, clock, settings, onChanged }: EndDateChangerProps) {
  const [stage, setStage] = useState<Stage>({ kind: 'closed' });
  const [selection, setSelection] = useState<EndSelection>({ kind: 'date', value: '' });
  const [result, setResult] = useState<string | null>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  // A ref, not state, guards against a second click before React re-renders the disabled button.
  const sendingRef = useRef(false);
  const target: SubscriptionTarget = {
    connectionId: request.connectionId,
    environmentId: request.environmentId,
    referenceType: request.referenceType,
    apiId: request.apiId,
    subscriptionId: request.subscriptionId,
  };
  const options = settings ? presetEndOptions(settings, now, language) : [];

  // Moves focus to the question, because the Continue button that had it is gone.
  useEffect(() => {
    if (stage.kind === 'confirm') confirmRef.current?.focus();
  }, [stage.kind]);

  async function open() {
    setResult(null);
    setStage({ kind: 'loading' });
    const read = await settle(transport.getSubscription(target));
    if (!read.ok) {
      setStage({ kind: 'load-failed', text: read.text });
      return;
    }
    if (!CHANGEABLE_STATUSES.has(read.subscription.status)) {
      setStage({ kind: 'not-changeable', status: read.subscription.status });
      return;
    }
    setSelection(initialSelection());
    setStage({ kind: 'choose', subscription: read.subscription });
  }

  // Starts from the end the request's own preset gives, which is usually the one intended.
  function initialSelection(): EndSelection {
    if (!settings) return { kind: 'date', value: '' };
    const suggested = pickPreset(settings, request).preset.id;
    const option = options.find((entry) => entry.presetId === suggested) ?? options[0];
    return option ? { kind: 'preset', presetId: option.presetId } : { kind: 'date', value: '' };
  }

  function proceed(subscription: SubscriptionDetails) {
    setStage({ kind: 'confirm', subscription, end: selectedEnd(selection, options), sending: false, error: null });
  }

  async function send(subscription: SubscriptionDetails, end: Date | null) {
    if (sendingRef.current) return;
    // The clock may have passed a date that was in the future when it was chosen.
    const problem = checkEnd(end, subscription, clock());
    if (problem) {
      setStage({ kind: 'confirm', subscription, end, sending: false, error: t(`panel.end-date.${problem}`) });
      return;
    }

    sendingRef.current = true;
    setStage({ kind: 'confirm', subscription, end, sending: true, error: null });
    const changed = await settle(transport.changeEndDate(target, end));
    sendingRef.current = false;
    if (!changed.ok) {
      setStage({ kind: 'confirm', subscription, end, sending: false, error: changed.text });
      return;
    }
    const stored = changed.subscription.endingAt;
    setResult(stored ? t('panel.end-date.changed', { end: formatDateTimeWithZone(new Date(stored), language) }) : t('panel.end-date.changed.none'));
    setStage({ kind: 'closed' });
    onChanged(changed.subscription);
  }

  // Turns a transport call into the subscription or the sentence to show, including a transport that throws.
  async function settle(call: Promise<SubscriptionResult>): Promise<{ ok: true; subscription: SubscriptionDetails } | { ok: false; text: string }> {
    try {
      const answer = await call;
      return answer.ok ? answer : { ok: false, text: errorSentence(t, answer.error) };
    } catch {
      return { ok: false, text: t('panel.transport-failed') };
    }
  }

  const close = () => setStage({ kind: 'closed' });
  const confirmWarning = stage.kind === 'confirm' ? warningFor(stage.end, stage.subscription) : null;

  return (
    <div className="gk-end-date">
      {stage.kind === 'closed' && (
        <div className="gk-actions">
          <button type="button" className="gk-button" aria-label={t('panel.end-date.change.label', { summary })} onClick={() => void open()}>
            {t('panel.end-date.change')}
          </button>
        </div>
      )}
      {result && stage.kind === 'closed' && (
        <p className="gk-notice" role="status">
          {result}
        </p>
      )}

      {stage.kind === 'loading' && <p className="gk-hint">{t('panel.end-date.loading')}</p>}

      {(stage.kind === 'load-failed' || stage.kind === 'not-changeable') && (
        <div className="gk-error" role="alert">
          <p>{stage.kind === 'load-failed' ? stage.text : t('panel.end-date.not-changeable', { status: stage.status })}</p>
          <div className="gk-actions">
            {stage.kind === 'load-failed' && (
              <button type="button" className="gk-button" onClick={() => void open()}>
                {t('panel.retry')}
              </button>
            )}
            <button type="button" className="gk-button gk-text" onClick={close}>
              {t('panel.end-date.cancel')}
            </button>
          </div>
        </div>
      )}

      {stage.kind === 'choose' && (
        <EndDateForm
          t={t}
          language={language}
          subscription={stage.subscription}
          options={options}
          selection={selection}
          now={now}
          onSelect={setSelection}
          onContinue={() => proceed(stage.subscription)}
          onCancel={close}
        />
      )}

      {stage.kind === 'confirm' && (
        <div className="gk-reject">
          <p className="gk-confirm" tabIndex={-1} ref={confirmRef}>
            {stage.end
              ? t('panel.end-date.confirm.text', { summary, end: formatDateTimeWithZone(stage.end, language) })
              : t('panel.end-date.confirm.text.none', { summary })}
          </p>
          {confirmWarning && <p className="gk-warning">{t(`panel.end-date.${confirmWarning}`)}</p>}
          <div className="gk-actions">
            <button type="button" className="gk-button gk-danger" disabled={stage.sending} onClick={() => void send(stage.subscription, stage.end)}>
              {stage.sending ? t('panel.sending') : t('panel.end-date.confirm')}
            </button>
            <button type="button" className="gk-button" disabled={stage.sending} onClick={() => setStage({ kind: 'choose', subscription: stage.subscription })}>
              {t('panel.end-date.back')}
            </button>
            <button type="button" className="gk-button gk-text" disabled={stage.sending} onClick={close}>
              {t('panel.end-date.cancel')}
            </button>
          </div>
          {stage.error && (
            <div className="gk-error" role="alert">
              <p>{stage.error}</p>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
