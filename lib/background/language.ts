import { browserLanguage, type Language } from '../i18n/language';
import { preferencesItem } from '../storage';

/** The language the user chose in the options, or the browser's when set to auto. */
export async function userLanguage(): Promise<Language> {
  const preferences = await preferencesItem.getValue();
  return preferences.language === 'auto' ? browserLanguage() : preferences.language;
}
