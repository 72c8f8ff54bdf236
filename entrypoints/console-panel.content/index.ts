import { connectionsItem } from '@/lib/storage';
import { connectionForPage } from '@/lib/console-page';
import { sendToBackground } from '@/lib/messages';
import { mountLauncher } from './launcher';

export default defineContentScript({
  // The console's origin is the user's choice, so the background registers this script at run
  // time for the configured host only (see lib/background/console-script.ts).
  matches: [],
  registration: 'runtime',
  async main(ctx) {
    if (!connectionForPage(location.href, await connectionsItem.getValue())) return;

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
      onMount: (container, shadow) => mountLauncher(container, shadow, ctx),
      onRemove: (mounted) => {
        mounted?.then((unmount) => unmount()).catch((error: unknown) => console.error('[console-panel] unmount failed', error));
      },
    });
    ui.mount();
  },
});
