import { badgeMessages } from './badge';
import { errorMessages } from './errors';
import { panelMessages } from './panel';
import { optionsMessages } from './options';
import { launcherMessages } from './launcher';
import { notificationMessages } from './notifications';
import { popupMessages } from './popup';
import type { Language } from './language';

export { browserLanguage, languageFromLocale, type Language } from './language';

const en = { ...badgeMessages.en, ...errorMessages.en, ...panelMessages.en, ...optionsMessages.en, ...launcherMessages.en, ...notificationMessages.en, ...popupMessages.en };
const nb = { ...badgeMessages.nb, ...errorMessages.nb, ...panelMessages.nb, ...optionsMessages.nb, ...launcherMessages.nb, ...notificationMessages.nb, ...popupMessages.nb };

export type MessageKey = keyof typeof en;

// Fails to compile when a key exists in English only.
const tables: Record<Language, Record<MessageKey, string>> = { en, nb };

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
