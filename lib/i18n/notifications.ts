import { defineMessages } from './define';

// Desktop notifications about new subscription requests.
export const notificationMessages = defineMessages({
  en: {
    'notification.one.title': 'New subscription request',
    'notification.one.message': '{application} asks to subscribe to {api} ({plan}). Click to open it in the console.',
    'notification.many.title': '{count} new subscription requests',
  },
  nb: {
    'notification.one.title': 'Ny abonnementsforespørsel',
    'notification.one.message': '{application} ber om abonnement på {api} ({plan}). Klikk for å åpne den i konsollen.',
    'notification.many.title': '{count} nye abonnementsforespørsler',
  },
});
