import { useEffect, useId, useRef, useState } from 'react';
import type { Connection } from '@/lib/gravitee/types';
import type { Translate } from '@/lib/i18n';
import { runConnectionTest } from './connection-test';
import { Notice, type NoticeMessage } from './Notice';
import { savedToken } from './options-storage';

export interface ConnectionItemProps {
  t: Translate;
  connection: Connection;
  hasToken: boolean;
  fetchImpl: typeof fetch;
  onEdit(): void;
  /** Removes the connection and its token from storage. Rejects when the write failed. */
  onRemove(): Promise<void>;
}

/** Renders one stored connection with Edit, Test connection and Remove. Remove takes effect only after a confirmation. */
export function ConnectionItem({ t, connection, hasToken, fetchImpl, onEdit, onRemove }: ConnectionItemProps) {
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const name = connection.name;

  // Moves focus to the question, because the Remove button that had it is gone.
  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);

  function test() {
    // runConnectionTest requests host access before its first await, inside this click.
    const result = runConnectionTest(t, connection, () => savedToken(connection.id), fetchImpl);
    setTesting(true);
    setNotice(null);
    void result.then(setNotice).finally(() => setTesting(false));
  }

  async function remove() {
    setRemoving(true);
    try {
      await onRemove();
    } catch {
      setNotice({ tone: 'error', text: t('options.connection.remove-failed') });
      setRemoving(false);
    }
  }

  return (
    <li className="connection" aria-labelledby={titleId}>
      <h3 className="connection-name" id={titleId}>
        {name}
      </h3>
      <p className="connection-detail">{connection.consoleUrl}</p>
      <p className="connection-detail">
        {t('options.connection.organization', { organization: connection.organization })}
        {' · '}
        {hasToken ? t('options.connection.auth.token') : t('options.connection.auth.session')}
      </p>
      {connection.managed && <p className="connection-detail">{t('options.connection.managed')}</p>}

      {confirming ? (
        <div className="confirm" role="group" aria-labelledby={`${titleId}-confirm`}>
          <p id={`${titleId}-confirm`} tabIndex={-1} ref={questionRef}>{t('options.connection.remove.confirm', { name })}</p>
          <div className="actions">
            <button type="button" className="danger" disabled={removing} onClick={() => void remove()}>
              {t('options.connection.remove.confirm-button')}
            </button>
            <button type="button" className="secondary" disabled={removing} onClick={() => setConfirming(false)}>
              {t('options.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="secondary" aria-label={t('options.connection.edit.label', { name })} onClick={onEdit}>
            {t('options.connection.edit')}
          </button>
          <button type="button" className="secondary" aria-label={t('options.connection.test.label', { name })} disabled={testing} onClick={test}>
            {testing ? t('options.testing') : t('options.test')}
          </button>
          {!connection.managed && (
            <button type="button" className="secondary" aria-label={t('options.connection.remove.label', { name })} onClick={() => setConfirming(true)}>
              {t('options.connection.remove')}
            </button>
          )}
        </div>
      )}
      <Notice notice={notice} />
    </li>
  );
}
