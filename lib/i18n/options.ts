import { defineMessages } from './define';

export const optionsMessages = defineMessages({
  en: {},
  nb: {},
});
