import { defineMessages } from './define';

// The toolbar popup: the request panel plus links to each console and to the options.
export const popupMessages = defineMessages({
  en: {
    'popup.links.label': 'Gatekeeper links',
    'popup.open-console': 'Open console',
    'popup.open-console.named': 'Open the {connection} console',
    'popup.new-tab': 'Opens in a new tab',
    'popup.options': 'Options',
    'popup.setup': 'Open options to add a connection',
    'popup.options-failed': 'The browser could not open the Gatekeeper options. Open them from the browser\'s extension settings.',
  },
  nb: {
    'popup.links.label': 'Lenker i Gatekeeper',
    'popup.open-console': 'Åpne konsollen',
    'popup.open-console.named': 'Åpne konsollen for {connection}',
    'popup.new-tab': 'Åpnes i en ny fane',
    'popup.options': 'Innstillinger',
    'popup.setup': 'Åpne innstillingene for å legge til en tilkobling',
    'popup.options-failed': 'Nettleseren kunne ikke åpne innstillingene for Gatekeeper. Åpne dem fra utvidelsesinnstillingene i nettleseren.',
  },
});
