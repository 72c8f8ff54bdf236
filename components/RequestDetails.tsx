import type { PendingRequest } from '@/lib/gravitee/types';
import type { Translate } from '@/lib/i18n';

export interface RequestDetailsProps {
  request: PendingRequest;
  t: Translate;
  /** Name of the connection, shown as the first fact when several are configured. Null hides it. */
  connectionName: string | null;
}

/** Renders the facts of a request (connection, application, API, plan, environment) and the consumer's message. */
export function RequestDetails({ request, t, connectionName }: RequestDetailsProps) {
  return (
    <>
      <dl className="gk-facts">
        {connectionName !== null && (
          <div>
            <dt>{t('panel.row.connection')}</dt>
            <dd>{connectionName}</dd>
          </div>
        )}
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
    </>
  );
}
