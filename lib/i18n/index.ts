import { badgeMessages } from './badge';
import { errorMessages } from './errors';
import { panelMessages } from './panel';
import { optionsMessages } from './options';

/** Languages every user-visible string exists in. */
export type Language = 'en' | 'nb';

const en = { ...badgeMessages.en, ...errorMessages.en, ...panelMessages.en, ...optionsMessages.en };
const nb = { ...badgeMessages.nb, ...errorMessages.nb, ...panelMessages.nb, ...optionsMessages.nb };

export type MessageKey = keyof typeof en;

// Fails to compile when a key exists in English only.
const tables: Record<Language, Record<MessageKey, string>> = { en, nb };

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

export type MessageParams = Record<string, string | number>;

/** Returns the message for key in language, with `{name}` placeholders replaced from params. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = tables[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}
