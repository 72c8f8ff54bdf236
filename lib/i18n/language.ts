/** Languages every user-visible string exists in. */
export type Language = 'en' | 'nb';

/** Picks Norwegian Bokmål for nb, no and nn browser locales (Nynorsk users read Bokmål), else English. */
export function languageFromLocale(locale: string | undefined): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'nb' || primary === 'no' || primary === 'nn' ? 'nb' : 'en';
}

/** The browser's UI language, mapped to one of ours. */
export function browserLanguage(): Language {
  try {
    return languageFromLocale(browser.i18n.getUILanguage());
  } catch {
    return languageFromLocale(globalThis.navigator?.language);
  }
}
