import { defineMessages } from './define';

// Toolbar badge tooltips. Each says what the badge means and, for a problem, what to do.
export const badgeMessages = defineMessages({
  en: {
    'badge.count': '{count} subscription requests waiting for your decision.',
    'badge.count.one': '1 subscription request waiting for your decision.',
    'badge.none': 'No subscription requests are waiting. Checked {time}.',
    'badge.not-configured': 'Gatekeeper is not set up. Open the options to connect it to your Gravitee console.',
    'badge.permission-missing': 'Gatekeeper has no access to {origin}. Open the options and click Save to grant it.',
    'badge.sign-in': 'Gravitee rejected the personal access token. Create a new one in Gravitee and paste it in the options.',
    'badge.forbidden': 'Gravitee refused to list your tasks (HTTP 403). Check that the token belongs to the right organization.',
    'badge.server-error': 'Gravitee answered with an error (HTTP {status}). Gatekeeper keeps trying; last good count: {lastCount} at {lastTime}.',
    'badge.unreachable': 'Gatekeeper cannot reach the Management API. Check the network or the API URL; last good count: {lastCount} at {lastTime}.',
    'badge.stale': 'This count is out of date: the last successful check was at {lastTime}. Gatekeeper keeps trying.',
    'badge.never': 'never',
    'badge.loading': 'Checking Gravitee for subscription requests…',
  },
  nb: {
    'badge.count': '{count} abonnementsforespørsler venter på din avgjørelse.',
    'badge.count.one': '1 abonnementsforespørsel venter på din avgjørelse.',
    'badge.none': 'Ingen abonnementsforespørsler venter. Sjekket {time}.',
    'badge.not-configured': 'Gatekeeper er ikke satt opp. Åpne innstillingene for å koble den til Gravitee-konsollen.',
    'badge.permission-missing': 'Gatekeeper har ikke tilgang til {origin}. Åpne innstillingene og klikk Lagre for å gi tilgang.',
    'badge.sign-in': 'Gravitee avviste det personlige tilgangstokenet. Lag et nytt i Gravitee og lim det inn i innstillingene.',
    'badge.forbidden': 'Gravitee nektet å vise oppgavene dine (HTTP 403). Sjekk at tokenet hører til riktig organisasjon.',
    'badge.server-error': 'Gravitee svarte med en feil (HTTP {status}). Gatekeeper prøver igjen; siste gyldige antall: {lastCount} kl. {lastTime}.',
    'badge.unreachable': 'Gatekeeper får ikke kontakt med Management API. Sjekk nettverket eller API-adressen; siste gyldige antall: {lastCount} kl. {lastTime}.',
    'badge.stale': 'Dette antallet er utdatert: siste vellykkede sjekk var kl. {lastTime}. Gatekeeper prøver igjen.',
    'badge.never': 'aldri',
    'badge.loading': 'Sjekker Gravitee for abonnementsforespørsler …',
  },
});
