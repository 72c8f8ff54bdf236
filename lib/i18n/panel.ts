import { defineMessages } from './define';

export const panelMessages = defineMessages({
  en: {},
  nb: {},
});
