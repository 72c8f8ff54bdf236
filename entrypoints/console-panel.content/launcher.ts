import type { ContentScriptContext } from '#imports';
import type { Language } from '@/lib/i18n/language';
import { launcherMessages } from '@/lib/i18n/launcher';
import { sendToBackground } from '@/lib/messages';
import '@/lib/panel-host';
import { isStale } from '@/lib/staleness';
import { snapshotItem } from '@/lib/storage';
import type { PollSnapshot } from '@/lib/messages';
import { launcherStyles } from './launcher-styles';


type LauncherKey = keyof typeof launcherMessages.en;

function text(language: Language, key: LauncherKey, count?: number): string {
  return launcherMessages[language][key].replace('{count}', String(count ?? ''));
}

/**
 * Returns the count the launcher may show: only when every connection's last poll succeeded
 * recently, like the badge.
 */
function vouchedCount(snapshot: PollSnapshot): number | null {
  const now = Date.now();
  if (snapshot.connections.length === 0 || snapshot.connections.some((entry) => entry.status !== 'ok' || isStale(entry, now))) return null;
  return snapshot.connections.reduce((sum, entry) => sum + entry.requests.length + entry.malformedCount, 0);
}

/**
 * Builds the small launcher button and the empty panel frame. The panel's React code is injected
 * by the background worker on the first open only, so console pages that never open it stay light.
 */
export async function mountLauncher(container: HTMLElement, shadow: ShadowRoot, ctx: ContentScriptContext, language: Language): Promise<() => void> {
  const style = document.createElement('style');
  style.textContent = launcherStyles;
  shadow.append(style);

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'gk-launcher';
  button.setAttribute('aria-expanded', 'false');
  const label = document.createElement('span');
  label.textContent = text(language, 'launcher.label');
  const count = document.createElement('span');
  count.className = 'gk-launcher-count';
  button.append(label, count);

  const panel = document.createElement('div');
  panel.className = 'gk-drawer';
  panel.hidden = true;
  const status = document.createElement('p');
  status.className = 'gk-launcher-error';
  status.setAttribute('role', 'alert');
  status.hidden = true;

  container.append(button, status, panel);

  const showCount = (snapshot: PollSnapshot) => {
    const value = vouchedCount(snapshot);
    count.textContent = value === null ? '' : String(value);
    count.hidden = value === null || value === 0;
    button.setAttribute('aria-label', value === null ? text(language, 'launcher.open-unknown') : value === 1 ? text(language, 'launcher.open.one') : text(language, 'launcher.open', value));
  };
  showCount(await snapshotItem.getValue());
  const unwatch = snapshotItem.watch((snapshot) => showCount(snapshot));
  // A count goes stale with time alone, so it is checked again even when nothing is stored.
  ctx.setInterval(() => {
    snapshotItem.getValue().then(showCount).catch((error: unknown) => console.warn('[console-panel] could not read the snapshot', error));
  }, 30_000);

  let unmountPanel: (() => void) | null = null;

  const openPanel = async () => {
    if (!globalThis.gatekeeperPanel) await sendToBackground({ type: 'load-panel' });
    if (!globalThis.gatekeeperPanel) throw new Error('The panel script did not register itself.');
    unmountPanel ??= globalThis.gatekeeperPanel.mount(panel, { language });
  };

  button.addEventListener('click', () => {
    const opening = panel.hidden;
    if (!opening) {
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    openPanel()
      .then(() => {
        status.hidden = true;
        panel.hidden = false;
        button.setAttribute('aria-expanded', 'true');
      })
      .catch((error: unknown) => {
        console.error('[console-panel] panel failed to load', error);
        status.textContent = text(language, 'launcher.load-failed');
        status.hidden = false;
      });
  });

  ctx.onInvalidated(unwatch);
  return () => {
    unwatch();
    unmountPanel?.();
  };
}
