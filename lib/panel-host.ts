import type { Language } from './i18n/language';

/**
 * What the lazily injected panel script offers the content script. Both run in the extension's
 * isolated world of the same frame, so they meet on globalThis.
 */
export interface PanelModule {
  /** Renders the panel into container; returns a function that unmounts it. */
  mount(container: HTMLElement, options: { language: Language }): () => void;
}

declare global {
  // eslint-disable-next-line no-var
  var gatekeeperPanel: PanelModule | undefined;
}
