import { useState } from 'react';
import type { Translate } from '@/lib/i18n';
import type { PollSnapshot } from '@/lib/messages';

export interface PopupLinksProps {
  t: Translate;
  /** Null until the first snapshot arrives, and then only the options link is shown. */
  snapshot: PollSnapshot | null;
  /** Opens the options page. Rejects when the browser could not open it. */
  onOpenOptions(): Promise<void>;
}

/**
 * Renders the popup's links: one "Open console" per connection, in a new tab, and Options. With
 * no connection the options link becomes the main action, because nothing else works yet.
 */
export function PopupLinks({ t, snapshot, onOpenOptions }: PopupLinksProps) {
  const [optionsFailed, setOptionsFailed] = useState(false);
  const connections = snapshot?.connections ?? [];
  const notConfigured = snapshot !== null && connections.length === 0;

  function openOptions() {
    setOptionsFailed(false);
    onOpenOptions().catch((error: unknown) => {
      console.error('[popup] could not open the options page', error);
      setOptionsFailed(true);
    });
  }

  return (
    <nav className="gk-links" aria-label={t('popup.links.label')}>
      {connections.map((connection) => (
        <a
          key={connection.connectionId}
          className="gk-link"
          href={connection.consoleUrl}
          target="_blank"
          rel="noopener noreferrer"
          title={t('popup.new-tab')}
        >
          {connections.length > 1 ? t('popup.open-console.named', { connection: connection.connectionName }) : t('popup.open-console')}
        </a>
      ))}
      {notConfigured ? (
        <button type="button" className="gk-button gk-primary" onClick={openOptions}>
          {t('popup.setup')}
        </button>
      ) : (
        <button type="button" className="gk-link-button" onClick={openOptions}>
          {t('popup.options')}
        </button>
      )}
      {optionsFailed && (
        <p className="gk-status gk-status-error" role="alert">
          {t('popup.options-failed')}
        </p>
      )}
    </nav>
  );
}
