import { translator, type Language } from '@/lib/i18n';
import type { RequestTransport } from '@/lib/transport';
import { RequestPanel } from '../RequestPanel';
import { PopupLinks } from './PopupLinks';

export interface PopupPageProps {
  transport: RequestTransport;
  language: Language;
  /** Opens the options page. Rejects when the browser could not open it. */
  openOptions(): Promise<void>;
  /** Current time; tests pass a fixed clock. */
  now?: () => Date;
}

/**
 * Renders the toolbar popup: the same request panel as in the console, with links to each console
 * and to the options. Accept and reject go through the background worker, so they work with no
 * console tab open.
 */
export function PopupPage({ transport, language, openOptions, now }: PopupPageProps) {
  const t = translator(language);
  return (
    <div className="gk-popup">
      <RequestPanel
        transport={transport}
        language={language}
        now={now}
        renderLinks={(snapshot) => <PopupLinks t={t} snapshot={snapshot} onOpenOptions={openOptions} />}
      />
    </div>
  );
}
