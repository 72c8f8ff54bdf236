import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { panelStyles } from '@/components/panel-styles';
import { PopupPage } from '@/components/popup/PopupPage';
import { backgroundTransport } from '@/lib/background-transport';
import { browserLanguage, translate, type Language } from '@/lib/i18n';
import { preferencesItem } from '@/lib/storage';

/** Returns the language chosen in the options, or the browser's when it is set to auto or cannot be read. */
async function preferredLanguage(): Promise<Language> {
  try {
    const preferences = await preferencesItem.getValue();
    return preferences.language === 'auto' ? browserLanguage() : preferences.language;
  } catch (error) {
    console.warn('[popup] could not read the preferences', error);
    return browserLanguage();
  }
}

async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
  // The options open in a tab; the popup would otherwise stay open over it in some browsers.
  window.close();
}

async function start() {
  const container = document.getElementById('root');
  if (!container) throw new Error('Popup page is missing its #root element.');

  // The panel's CSS is a string because the console panel injects it into a shadow root.
  const style = document.createElement('style');
  style.textContent = panelStyles;
  document.head.append(style);

  const language = await preferredLanguage();
  document.documentElement.lang = language;
  document.title = translate(language, 'panel.title');

  createRoot(container).render(
    <StrictMode>
      <PopupPage transport={backgroundTransport} language={language} openOptions={openOptions} />
    </StrictMode>,
  );
}

start().catch((error: unknown) => console.error('[popup] start failed', error));
