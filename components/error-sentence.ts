import type { SerializedGraviteeError } from '@/lib/gravitee/errors';
import type { Translate } from '@/lib/i18n';

/** Returns the user-facing sentence for a Gravitee failure, with `{status}` and `{detail}` filled in. */
export function errorSentence(t: Translate, error: SerializedGraviteeError): string {
  if (error.localRefusal) return t(`error.local.${error.localRefusal}`);
  return t(`error.${error.kind}`, {
    status: error.status ?? '?',
    detail: error.serverMessage ?? error.technicalCode ?? t('panel.error.no-detail'),
  });
}
