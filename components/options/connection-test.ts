import { createGraviteeClient, createMemoryCsrfStore } from '@/lib/gravitee/client';
import { toSerializedError } from '@/lib/gravitee/errors';
import type { Connection } from '@/lib/gravitee/types';
import type { Translate } from '@/lib/i18n';
import { connectionPatterns, requestHostAccess } from '@/lib/permissions';
import { errorSentence } from '../error-sentence';
import { formatHostList } from './host-list';
import type { NoticeMessage } from './Notice';

/**
 * Reads the signed-in user through the connection and describes the outcome. A null token tests
 * the console session, as the background uses it for a connection without a token.
 */
export async function testConnection(t: Translate, connection: Connection, token: string | null, fetchImpl: typeof fetch): Promise<NoticeMessage> {
  const client = createGraviteeClient({ connection, token, csrf: createMemoryCsrfStore(), fetch: fetchImpl });
  try {
    const user = await client.getCurrentUser();
    const text = user.email
      ? t('options.test.ok', { name: user.displayName, email: user.email })
      : t('options.test.ok-no-email', { name: user.displayName });
    return { tone: 'success', text };
  } catch (error) {
    return { tone: 'error', text: errorSentence(t, toSerializedError(error)) };
  }
}

/**
 * Requests host access for the connection, then tests it. Must be called directly in a click
 * handler, because the browser rejects an access request made after an await for lack of a user
 * gesture. `readToken` is called only after access is granted.
 */
export function runConnectionTest(
  t: Translate,
  connection: Connection,
  readToken: () => Promise<string | null>,
  fetchImpl: typeof fetch,
): Promise<NoticeMessage> {
  const patterns = connectionPatterns(connection);
  const hosts = formatHostList(patterns);
  let access: Promise<boolean>;
  try {
    access = requestHostAccess(patterns);
  } catch {
    return Promise.resolve({ tone: 'error', text: t('options.permission-failed', { hosts }) });
  }

  return (async (): Promise<NoticeMessage> => {
    if (!(await access.catch(() => false))) return { tone: 'error', text: t('options.test.permission-refused', { hosts }) };
    let token: string | null;
    try {
      token = await readToken();
    } catch {
      return { tone: 'error', text: t('options.load-failed') };
    }
    return testConnection(t, connection, token, fetchImpl);
  })();
}
