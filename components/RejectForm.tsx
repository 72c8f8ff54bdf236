import { useEffect, useId, useRef } from 'react';
import type { PendingRequest } from '@/lib/gravitee/types';
import type { Translate } from '@/lib/i18n';

export type RejectStep = 'edit' | 'confirm';

export interface RejectFormProps {
  request: PendingRequest;
  t: Translate;
  step: RejectStep;
  message: string;
  /** Shown under the message field when Continue found it blank. */
  messageError: string | null;
  sending: boolean;
  onMessageChange(message: string): void;
  onContinue(): void;
  onBack(): void;
  onCancel(): void;
  onConfirm(): void;
}

/**
 * Renders the inline rejection form: a required message, then a confirmation step. Only the confirmation
 * step sends anything, because a rejection cannot be undone and its message is emailed.
 */
export function RejectForm(props: RejectFormProps) {
  const { request, t, step, message, messageError, sending } = props;
  const messageId = useId();
  const hintId = useId();
  const errorId = useId();
  const confirmTextRef = useRef<HTMLParagraphElement>(null);

  // Moves focus to the question when the step changes, because the Continue button that had it is gone.
  useEffect(() => {
    if (step === 'confirm') confirmTextRef.current?.focus();
  }, [step]);

  if (step === 'confirm') {
    return (
      <div className="gk-reject">
        <p className="gk-confirm" tabIndex={-1} ref={confirmTextRef}>
          {t('panel.reject.confirm.text', { application: request.applicationName, api: request.apiName, plan: request.planName })}
        </p>
        <blockquote className="gk-quote">{message.trim()}</blockquote>
        <div className="gk-actions">
          <button type="button" className="gk-button gk-danger" disabled={sending} onClick={props.onConfirm}>
            {t('panel.reject.confirm')}
          </button>
          <button type="button" className="gk-button" disabled={sending} onClick={props.onBack}>
            {t('panel.reject.back')}
          </button>
          <button type="button" className="gk-button gk-text" disabled={sending} onClick={props.onCancel}>
            {t('panel.reject.cancel')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="gk-reject"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onContinue();
      }}
    >
      <label className="gk-label" htmlFor={messageId}>
        {t('panel.reject.message.label')}
      </label>
      <textarea
        id={messageId}
        className="gk-textarea"
        rows={3}
        required
        autoFocus
        value={message}
        aria-invalid={messageError ? true : undefined}
        aria-describedby={messageError ? `${hintId} ${errorId}` : hintId}
        onChange={(event) => props.onMessageChange(event.target.value)}
      />
      <p className="gk-hint" id={hintId}>
        {t('panel.reject.message.hint')}
      </p>
      {messageError && (
        <p className="gk-field-error" id={errorId}>
          {messageError}
        </p>
      )}
      <div className="gk-actions">
        <button type="submit" className="gk-button gk-danger-outline" disabled={sending}>
          {t('panel.reject.continue')}
        </button>
        <button type="button" className="gk-button gk-text" disabled={sending} onClick={props.onCancel}>
          {t('panel.reject.cancel')}
        </button>
      </div>
    </form>
  );
}
