import type { Language } from '../i18n/language';
import { presetMessages, type PresetMessageKey } from '../i18n/presets';

/**
 * Returns the preset message for key in language, with `{name}` placeholders filled from params.
 * It reads the preset table directly, so this module works before the table joins lib/i18n/index.ts.
 */
export function presetText(language: Language, key: PresetMessageKey, params: Record<string, string | number> = {}): string {
  const template = presetMessages[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
