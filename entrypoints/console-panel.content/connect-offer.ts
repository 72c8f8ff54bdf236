import type { ContentScriptContext } from '#imports';
import type { DiscoveredConsole } from '@/lib/background/discover';
import type { Connection } from '@/lib/gravitee/types';
import { consolePageMessages } from '@/lib/i18n/console-page';
import type { Language } from '@/lib/i18n/language';
import { sendToBackground } from '@/lib/messages';
import { dismissedConsoleOffersItem } from '@/lib/storage';
import { connectOfferStyles } from './connect-offer-styles';

type Key = keyof typeof consolePageMessages.en;

/** Elements of Gravitee's console shell, present on every signed-in page of 3.20 to 4.13. */
const CONSOLE_SHELL = 'gio-top-nav, gio-user-menu, management-root';

/** How long to wait for the console shell before deciding the page is not a Gravitee console, in milliseconds. */
const SHELL_TIMEOUT_MS = 15_000;

function waitForShell(signal: AbortSignal): Promise<boolean> {
  if (document.querySelector(CONSOLE_SHELL)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector(CONSOLE_SHELL)) finish(true);
    });
    const timer = setTimeout(() => finish(false), SHELL_TIMEOUT_MS);
    const onAbort = () => finish(false);
    function finish(found: boolean) {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(found);
    }
    signal.addEventListener('abort', onAbort);
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
}

/** Returns the console's own address: this page without its hash, query and file name. */
function consoleAddress(): string {
  const url = new URL(location.href);
  url.hash = '';
  url.search = '';
  url.pathname = url.pathname.replace(/[^/]*$/, '');
  return url.href;
}

/**
 * On a Gravitee console that no connection covers, offers to create the connection in one click
 * from what the console itself publishes (constants.json, build.json, the bootstrap) and what its
 * session may read (environments, user). Resolves with the new connection, or null.
 */
export async function offerConnection(ctx: ContentScriptContext, language: Language): Promise<Connection | null> {
  const t = (key: Key, params: Record<string, string> = {}) => consolePageMessages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

  if (!(await waitForShell(ctx.signal))) return null;
  const address = consoleAddress();
  if ((await dismissedConsoleOffersItem.getValue()).includes(address)) return null;

  const discovery = await sendToBackground({ type: 'discover-console', consoleUrl: address });
  if (!discovery.ok || discovery.found.existingConnectionId !== null || ctx.signal.aborted) return null;
  const found: DiscoveredConsole = discovery.found;

  const host = document.createElement('div');
  host.className = 'gatekeeper-connect-offer';
  document.documentElement.append(host);
  ctx.onInvalidated(() => host.remove());
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = connectOfferStyles;
  const box = document.createElement('section');
  box.className = 'gk-offer';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', t('connect-offer.title'));
  shadow.append(style, box);

  const line = (text: string) => Object.assign(document.createElement('p'), { textContent: text });
  const title = Object.assign(document.createElement('h2'), { textContent: t('connect-offer.title') });
  box.append(title, line(t('connect-offer.details', { url: found.managementUrl, organization: found.organization, version: found.version ?? t('connect-offer.version-unknown') })));
  if (found.environments?.length) box.append(line(t('connect-offer.environments', { names: found.environments.map((environment) => environment.name).join(', ') })));
  if (!found.sessionShareable) box.append(line(t('connect-offer.cross-site')));
  else box.append(line(found.signedInAs ? t('connect-offer.signed-in', { name: found.signedInAs }) : t('connect-offer.not-signed-in')));

  const status = line('');
  status.setAttribute('role', 'status');
  const connect = Object.assign(document.createElement('button'), { type: 'button', className: 'gk-primary', textContent: t('connect-offer.connect') });
  const dismiss = Object.assign(document.createElement('button'), { type: 'button', textContent: t('connect-offer.dismiss') });
  const actions = document.createElement('div');
  actions.className = 'gk-actions';
  actions.append(connect, dismiss);
  box.append(actions, status);

  return new Promise((resolve) => {
    dismiss.addEventListener('click', async () => {
      await dismissedConsoleOffersItem.setValue([...(await dismissedConsoleOffersItem.getValue()), address]);
      host.remove();
      resolve(null);
    });

    connect.addEventListener('click', async () => {
      connect.disabled = true;
      dismiss.disabled = true;
      // Without a shareable session the connection needs a token, which only the options page takes.
      const result = found.sessionShareable ? await sendToBackground({ type: 'connect-discovered', found }) : { ok: false as const, needsHostAccess: [] };
      if (result.ok) {
        status.textContent = t('connect-offer.connected');
        actions.remove();
        setTimeout(() => host.remove(), 8_000);
        resolve(result.connection);
        return;
      }
      if ('needsHostAccess' in result) {
        await sendToBackground({ type: 'open-options', prefill: found });
        status.textContent = t('connect-offer.finish-in-options');
        actions.remove();
        resolve(null);
        return;
      }
      status.textContent = t('connect-offer.failed', { reason: result.error.serverMessage ?? result.error.kind });
      connect.disabled = false;
      dismiss.disabled = false;
    });
  });
}
