import type { DiscoveredConsole } from '@/lib/background/discover';
import type { Translate } from '@/lib/i18n';

/** Shows what Detect from console found beyond the URL: version, environments and the console session. */
export function DiscoveryDetails({ t, found }: { t: Translate; found: DiscoveredConsole }) {
  return (
    <dl className="discovery" aria-label={t('options.found.label')}>
      <dt>{t('options.management-url.label')}</dt>
      <dd>{found.managementUrl}</dd>
      <dt>{t('options.organization.label')}</dt>
      <dd>{found.organization}</dd>
      <dt>{t('options.found.version')}</dt>
      <dd>{found.version ?? t('options.found.unknown')}</dd>
      <dt>{t('options.found.environments')}</dt>
      <dd>{found.environments ? found.environments.map((environment) => environment.name).join(', ') : t('options.found.environments-unknown')}</dd>
      <dt>{t('options.found.session')}</dt>
      <dd>
        {!found.sessionShareable
          ? t('options.found.session-cross-site')
          : found.signedInAs
            ? t('options.found.session-signed-in', { name: found.signedInAs })
            : t('options.found.session-none')}
      </dd>
    </dl>
  );
}
