import { useId, useRef, useState } from 'react';
import { formatDateTime, formatDateTimeWithZone, formatWaitDuration } from '@/lib/format';
import { subscriptionConsoleUrl, type ConsoleRouteStyle } from '@/lib/gravitee/console-links';
import type { PendingRequest, ValidityPeriod } from '@/lib/gravitee/types';
import { translator, type Language } from '@/lib/i18n';
import { validateCustomRange } from '@/lib/presets/custom-range';
import { validateValidity } from '@/lib/validity';
import type { PresetSettingsState } from './accept/use-preset-settings';
import { describeOffer, type ValidityChoice } from './accept/validity-offer';
import { ValidityPicker } from './accept/ValidityPicker';
import { RejectForm, type RejectStep } from './RejectForm';
import { RequestDetails } from './RequestDetails';
import type { AcceptHandler, RejectHandler } from './request-actions';

export interface RequestRowProps {
  request: PendingRequest;
  /** "application → API (plan)" for the button labels, with the connection when there are several. */
  summary: string;
  /** Name of the connection, shown when several are configured. Null hides it. */
  connectionName: string | null;
  /** Console address of the request's connection, for the deep link. Without one no link is shown. */
  consoleUrl: string | null;
  /** Route form of the connection's console version; null uses the 4.3+ form. */
  routeStyle: ConsoleRouteStyle | null;
  /** Whether the row comes from an old or failed poll and is marked as possibly out of date. */
  outOfDate: boolean;
  /** Whether another tab or window is sending a decision on this request. The buttons are disabled meanwhile. */
  busyElsewhere: boolean;
  language: Language;
  /** The panel's clock tick: the wait time and the offered validity period are computed from it. */
  now: Date;
  /** Reads the current time when an acceptance is validated. */
  clock: () => Date;
  /** The preset settings of the request's connection; Accept waits until they are read. */
  presets: PresetSettingsState;
  onAccept: AcceptHandler;
  onReject: RejectHandler;
}

type SendingAction = 'accept' | 'reject';

/** A validity period with the label naming its source. */
interface LabelledPeriod {
  label: string;
  validity: ValidityPeriod;
}

interface RowError {
  text: string;
  /** The action the Try again button repeats; null when repeating it cannot help. */
  retry: SendingAction | null;
}

/** Renders one pending subscription request with its Accept and Reject actions. */
export function RequestRow(props: RequestRowProps) {
  const { request, summary, connectionName, consoleUrl, routeStyle, outOfDate, busyElsewhere, language, now, clock, presets, onAccept, onReject } = props;
  const t = translator(language);
  const titleId = useId();
  const pickerId = useId();
  const [choice, setChoice] = useState<ValidityChoice>({ kind: 'suggested' });
  const [pickerOpen, setPickerOpen] = useState(false);
  const [rejectStep, setRejectStep] = useState<RejectStep | null>(null);
  const [message, setMessage] = useState('');
  const [messageError, setMessageError] = useState<string | null>(null);
  const [sending, setSending] = useState<SendingAction | null>(null);
  const [error, setError] = useState<RowError | null>(null);
  // The period of a failed acceptance. It stays on screen and Try again resends it, instead of a
  // period that moved on with the clock while the user read the error. Another choice drops it.
  const [held, setHeld] = useState<LabelledPeriod | null>(null);
  // A ref, not state, guards against a second click before React re-renders the disabled buttons.
  const inFlight = useRef(false);

  // The period shown next to Accept is the one sent, so both come from this one object.
  const settings = presets.status === 'loading' ? null : presets.settings;
  const offer = settings ? describeOffer(choice, request, settings, now, language, t) : null;
  const problems = held || !offer ? [] : offer.problems;
  const offered: LabelledPeriod | null = held ?? offer;
  const blocked = sending !== null || busyElsewhere;

  async function send(action: SendingAction, run: () => ReturnType<AcceptHandler>, onFailure?: () => void) {
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(action);
    setError(null);
    try {
      const outcome = await run();
      if (!outcome.done) {
        onFailure?.();
        setError({ text: outcome.errorText, retry: outcome.retryable === false ? null : action });
      }
    } finally {
      inFlight.current = false;
      setSending(null);
    }
  }

  function accept() {
    if (!offered) return;
    const { validity: period, label } = offered;
    const at = clock();

    if (!held && choice.kind === 'custom') {
      const found = validateCustomRange(period, at).filter((problem) => !(choice.startNow && problem === 'start-in-past'));
      if (found.length > 0) {
        setError({ text: found.map((problem) => t(`presets.custom.${problem}`)).join(' '), retry: null });
        return;
      }
    } else {
      const problem = validateValidity(period, at);
      if (problem) {
        setError({ text: t(`panel.validity.${problem}`), retry: null });
        return;
      }
    }
    void send('accept', () => onAccept(request, period), () => setHeld({ validity: period, label }));
  }

  function choose(next: ValidityChoice) {
    setChoice(next);
    setHeld(null);
    if (error?.retry === 'accept' || error?.retry === null) setError(null);
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

  function validityText(validity: ValidityPeriod): string {
    const start = formatDateTimeWithZone(validity.startingAt, language);
    return validity.endingAt
      ? t('panel.accept.validity', { start, end: formatDateTimeWithZone(validity.endingAt, language) })
      : t('panel.accept.validity.open-ended', { start });
  }

  return (
    <li className="gk-row" aria-labelledby={titleId}>
      <div className="gk-row-head">
        <h3 className="gk-row-title" id={titleId}>
          {request.applicationName} → {request.apiName}
        </h3>
        {outOfDate && <span className="gk-tag">{t('panel.row.out-of-date')}</span>}
        <span className="gk-wait" title={t('panel.row.requested-at', { time: formatDateTime(request.createdAt, language) })}>
          {t('panel.row.waiting', { duration: formatWaitDuration(request.createdAt, now, language) })}
        </span>
      </div>

      <RequestDetails request={request} t={t} connectionName={connectionName} />

      {presets.status === 'loading' && <p className="gk-validity">{t('panel.accept.presets-loading')}</p>}
      {presets.status === 'failed' && <p className="gk-validity gk-warning">{t('panel.accept.presets-failed')}</p>}
      {offered && (
        <>
          <p className="gk-validity gk-validity-preset">{offered.label}</p>
          {/* A custom range with problems has no dates worth showing; its problems are listed instead. */}
          {problems.length === 0 && <p className="gk-validity">{validityText(offered.validity)}</p>}
          {held && <p className="gk-validity">{t('panel.accept.held')}</p>}
        </>
      )}

      <div className="gk-actions">
        <span className="gk-split">
          <button
            type="button"
            className="gk-button gk-primary"
            aria-label={t('panel.accept.label', { summary })}
            disabled={blocked || !offered || problems.length > 0}
            onClick={accept}
          >
            {sending === 'accept' ? t('panel.sending') : t('panel.accept')}
          </button>
          <button
            type="button"
            className="gk-button gk-primary gk-split-toggle"
            aria-label={t('panel.validity.toggle.label', { summary })}
            title={t('panel.validity.toggle.label', { summary })}
            aria-expanded={pickerOpen}
            aria-controls={pickerOpen ? pickerId : undefined}
            disabled={blocked || !settings}
            onClick={() => setPickerOpen((open) => !open)}
          >
            ▾
          </button>
        </span>
        <button
          type="button"
          className="gk-button"
          aria-label={t('panel.reject.label', { summary })}
          aria-expanded={rejectStep !== null}
          disabled={blocked}
          onClick={() => setRejectStep((step) => step ?? 'edit')}
        >
          {sending === 'reject' ? t('panel.sending') : t('panel.reject')}
        </button>
        {consoleUrl && (
          <a
            className="gk-link"
            href={subscriptionConsoleUrl(consoleUrl, request, routeStyle)}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('panel.row.open.label', { summary })}
          >
            {t('panel.row.open')}
          </a>
        )}
      </div>
      {busyElsewhere && <p className="gk-busy">{t('panel.row.busy-elsewhere')}</p>}

      {pickerOpen && settings && offer && (
        <ValidityPicker
          id={pickerId}
          t={t}
          language={language}
          request={request}
          settings={settings}
          choice={choice}
          offered={offer.validity}
          problems={offer.problems}
          now={now}
          disabled={blocked}
          onChange={choose}
        />
      )}

      {rejectStep && (
        <RejectForm
          request={request}
          t={t}
          step={rejectStep}
          message={message}
          messageError={messageError}
          sending={blocked}
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
            <button type="button" className="gk-button" disabled={blocked} onClick={error.retry === 'accept' ? accept : confirmReject}>
              {t('panel.retry')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
