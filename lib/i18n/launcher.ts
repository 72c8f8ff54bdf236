import { defineMessages } from './define';

// The launcher loads on every console page, so its few strings live apart from the big tables.
export const launcherMessages = defineMessages({
  en: {
    'launcher.label': 'Gatekeeper',
    'launcher.open': 'Open Gatekeeper: {count} subscription requests waiting',
    'launcher.open.one': 'Open Gatekeeper: 1 subscription request waiting',
    'launcher.open-unknown': 'Open Gatekeeper: subscription requests',
    'launcher.close': 'Close Gatekeeper',
    'launcher.load-failed': 'Gatekeeper could not open its panel. Reload the page; if that does not help, reload the extension.',
  },
  nb: {
    'launcher.label': 'Gatekeeper',
    'launcher.open': 'Åpne Gatekeeper: {count} abonnementsforespørsler venter',
    'launcher.open.one': 'Åpne Gatekeeper: 1 abonnementsforespørsel venter',
    'launcher.open-unknown': 'Åpne Gatekeeper: abonnementsforespørsler',
    'launcher.close': 'Lukk Gatekeeper',
    'launcher.load-failed': 'Gatekeeper kunne ikke åpne panelet. Last inn siden på nytt; hjelper ikke det, last inn utvidelsen på nytt.',
  },
});
