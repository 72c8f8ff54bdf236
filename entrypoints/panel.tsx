import { createRoot } from 'react-dom/client';
import { RequestPanel } from '@/components/RequestPanel';
import { panelStyles } from '@/components/panel-styles';
import { backgroundTransport } from '@/lib/background-transport';
import type { PanelModule } from '@/lib/panel-host';

// Injected by the background worker into a console tab the first time its launcher is clicked
// (scripting.executeScript), so React loads only where the panel is used.
export default defineUnlistedScript(() => {
  const panel: PanelModule = {
    mount(container, { language }) {
      const root = container.getRootNode();
      if (root instanceof ShadowRoot && !root.querySelector('style[data-gatekeeper-panel]')) {
        const style = document.createElement('style');
        style.dataset.gatekeeperPanel = '';
        style.textContent = panelStyles;
        root.append(style);
      }

      const reactRoot = createRoot(container);
      reactRoot.render(<RequestPanel transport={backgroundTransport} language={language} />);
      return () => reactRoot.unmount();
    },
  };
  globalThis.gatekeeperPanel = panel;
});
