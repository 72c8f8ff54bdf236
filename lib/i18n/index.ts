import { badgeMessages } from './badge';
import { errorMessages } from './errors';
import { panelMessages } from './panel';
import { optionsMessages } from './options';
import { launcherMessages } from './launcher';
import { notificationMessages } from './notifications';
import { popupMessages } from './popup';
import { presetMessages } from './presets';
import { consolePageMessages } from './console-page';
import type { Language } from './language';

export const messageAreas = [badgeMessages, errorMessages, panelMessages, optionsMessages, launcherMessages, notificationMessages, popupMessages, presetMessages, consolePageMessages] as const;

export { browserLanguage, languageFromLocale, type Language } from './language';

type Union<T> = (T extends unknown ? (value: T) => void : never) extends (value: infer U) => void ? U : never;
type English = Union<(typeof messageAreas)[number]['en']>;

const en = Object.assign({}, ...messageAreas.map((area) => area.en)) as English;
const nb = Object.assign({}, ...messageAreas.map((area) => area.nb)) as Record<keyof English, string>;

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
