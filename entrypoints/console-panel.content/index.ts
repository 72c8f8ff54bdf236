import type { ContentScriptContext } from '#imports';
import { connectionForPage } from '@/lib/console-page';
import type { Connection } from '@/lib/gravitee/types';
import { browserLanguage, type Language } from '@/lib/i18n/language';
import { sendToBackground } from '@/lib/messages';
import { connectionsItem, preferencesItem } from '@/lib/storage';
import { offerConnection } from './connect-offer';
import { mountLauncher } from './launcher';
import { watchSubscriptionPages } from './subscription-page';

/** Adds the launcher and the subscription page controls to a console page of a connection. */
async function enhanceConsole(ctx: ContentScriptContext, connection: Connection, language: Language): Promise<void> {
  // Opening the console is a moment the user looks at requests: refresh if a poll is due.
  sendToBackground({ type: 'console-opened' }).catch((error: unknown) => console.warn('[console-panel] could not reach the background', error));

  const ui = await createShadowRootUi(ctx, {
    name: 'gatekeeper-launcher',
    position: 'inline',
    // Outside <body>, so a console that re-renders its body cannot remove the launcher.
    anchor: 'html',
    append: 'last',
    // Keeps typing in the reject message from reaching the console's keyboard shortcuts.
    isolateEvents: true,
    onMount: (container, shadow) => mountLauncher(container, shadow, ctx, language),
    onRemove: (mounted) => {
      mounted?.then((unmount) => unmount()).catch((error: unknown) => console.error('[console-panel] unmount failed', error));
    },
  });
  ui.mount();

  watchSubscriptionPages(ctx, connection, language);
}

export default defineContentScript({
  // Console origins are the user's choice, so the background registers this script at run time
  // for the hosts the user granted (lib/background/console-script.ts).
  matches: [],
  registration: 'runtime',
  async main(ctx) {
    const preferences = await preferencesItem.getValue();
    const language = preferences.language === 'auto' ? browserLanguage() : preferences.language;

    const connection = connectionForPage(location.href, await connectionsItem.getValue()) ?? (await offerConnection(ctx, language));
    if (connection && !ctx.isInvalid) await enhanceConsole(ctx, connection, language);
  },
});
