import { useId, useMemo, useRef, useState } from 'react';
import { formatDateTime, formatDateTimeWithZone, formatWaitDuration } from '@/lib/format';
import { subscriptionConsoleUrl } from '@/lib/gravitee/console-links';
import type { PendingRequest } from '@/lib/gravitee/types';
import { translator, type Language } from '@/lib/i18n';
import { defaultValidity, validateValidity } from '@/lib/validity';
import { RejectForm, type RejectStep } from './RejectForm';
import type { AcceptHandler, RejectHandler } from './request-actions';

export interface RequestRowProps {
  request: PendingRequest;
  /** Console address for the deep link; no link is shown without one. */
  consoleUrl: string | null;
  language: Language;
  /** The panel's clock tick: the wait time and the offered validity period are computed from it. */
  now: Date;
  /** Reads the current time when an acceptance is validated. */
  clock: () => Date;
  onAccept: AcceptHandler;
  onReject: RejectHandler;
}

type SendingAction = 'accept' | 'reject';

interface RowError {
  text: string;
  /** The action the Try again button repeats; null when repeating it cannot help. */
  retry: SendingAction | null;
}

/** Renders one pending subscription request with its Accept and Reject actions. */
export function RequestRow({ request, consoleUrl, language, now, clock, onAccept, onReject }: RequestRowProps) {
  const t = translator(language);
  const titleId = useId();
  const [rejectStep, setRejectStep] = useState<RejectStep | null>(null);
  const [message, setMessage] = useState('');
  const [messageError, setMessageError] = useState<string | null>(null);
  const [sending, setSending] = useState<SendingAction | null>(null);
  const [error, setError] = useState<RowError | null>(null);
  // A ref, not state, guards against a second click before React re-renders the disabled buttons.
  const inFlight = useRef(false);

  // The period shown next to Accept is the one sent, so both come from this one object.
  const validity = useMemo(() => defaultValidity(now), [now]);
  const summary = t('panel.summary', { application: request.applicationName, api: request.apiName, plan: request.planName });

  async function send(action: SendingAction, run: () => ReturnType<AcceptHandler>) {
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(action);
    setError(null);
    try {
      const outcome = await run();
      if (!outcome.done) setError({ text: outcome.errorText, retry: action });
    } finally {
      inFlight.current = false;
      setSending(null);
    }
  }

  function accept() {
    const problem = validateValidity(validity, clock());
    if (problem) {
      setError({ text: t(`panel.validity.${problem}`), retry: null });
      return;
    }
    void send('accept', () => onAccept(request, validity));
  }

  function confirmReject() {
    const reason = message.trim();
    if (reason === '') {
      setRejectStep('edit');
      setMessageError(t('panel.reject.message.required'));
      return;
    }
    void send('reject', () => onReject(request, reason));
  }

  function continueReject() {
    if (message.trim() === '') {
      setMessageError(t('panel.reject.message.required'));
      return;
    }
    setMessageError(null);
    setRejectStep('confirm');
  }

  function cancelReject() {
    setRejectStep(null);
    setMessageError(null);
    if (error?.retry === 'reject') setError(null);
  }

  const start = formatDateTimeWithZone(validity.startingAt, language);
  const validityText = validity.endingAt
    ? t('panel.accept.validity', { start, end: formatDateTimeWithZone(validity.endingAt, language) })
    : t('panel.accept.validity.open-ended', { start });

  return (
    <li className="gk-row" aria-labelledby={titleId}>
      <div className="gk-row-head">
        <h3 className="gk-row-title" id={titleId}>
          {request.applicationName} → {request.apiName}
        </h3>
        <span className="gk-wait" title={t('panel.row.requested-at', { time: formatDateTime(request.createdAt, language) })}>
          {t('panel.row.waiting', { duration: formatWaitDuration(request.createdAt, now, language) })}
        </span>
      </div>

      <dl className="gk-facts">
        <div>
          <dt>{t('panel.row.application')}</dt>
          <dd>{request.applicationName}</dd>
        </div>
        <div>
          <dt>{t('panel.row.api')}</dt>
          <dd>{request.apiName}</dd>
        </div>
        <div>
          <dt>{t('panel.row.plan')}</dt>
          <dd>{request.planName}</dd>
        </div>
        <div>
          <dt>{t('panel.row.environment')}</dt>
          <dd>{request.environmentId ?? t('panel.row.environment.unknown')}</dd>
        </div>
      </dl>

      {request.consumerMessage ? (
        <figure className="gk-message">
          <figcaption>{t('panel.row.message')}</figcaption>
          <blockquote className="gk-quote">{request.consumerMessage}</blockquote>
        </figure>
      ) : (
        <p className="gk-message gk-muted">{t('panel.row.no-message')}</p>
      )}

      <p className="gk-validity">{validityText}</p>

      <div className="gk-actions">
        <button
          type="button"
          className="gk-button gk-primary"
          aria-label={t('panel.accept.label', { summary })}
          disabled={sending !== null}
          onClick={accept}
        >
          {sending === 'accept' ? t('panel.sending') : t('panel.accept')}
        </button>
        <button
          type="button"
          className="gk-button"
          aria-label={t('panel.reject.label', { summary })}
          aria-expanded={rejectStep !== null}
          disabled={sending !== null}
          onClick={() => setRejectStep((step) => step ?? 'edit')}
        >
          {sending === 'reject' ? t('panel.sending') : t('panel.reject')}
        </button>
        {consoleUrl && (
          <a
            className="gk-link"
            href={subscriptionConsoleUrl(consoleUrl, request)}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('panel.row.open.label', { summary })}
          >
            {t('panel.row.open')}
          </a>
        )}
      </div>

      {rejectStep && (
        <RejectForm
          request={request}
          t={t}
          step={rejectStep}
          message={message}
          messageError={messageError}
          sending={sending !== null}
          onMessageChange={setMessage}
          onContinue={continueReject}
          onBack={() => setRejectStep('edit')}
          onCancel={cancelReject}
          onConfirm={confirmReject}
        />
      )}

      {error && (
        <div className="gk-error" role="alert">
          <p>{error.text}</p>
          {error.retry && (
            <button
              type="button"
              className="gk-button"
              disabled={sending !== null}
              onClick={error.retry === 'accept' ? accept : confirmReject}
            >
              {t('panel.retry')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
