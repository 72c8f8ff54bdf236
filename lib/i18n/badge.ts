import { defineMessages } from './define';

// Toolbar badge tooltips. Each states what the badge means and, for a problem, what to do.
export const badgeMessages = defineMessages({
  en: {
    'badge.count': '{count} subscription requests waiting for your decision.',
    'badge.count.one': '1 subscription request waiting for your decision.',
    'badge.none': 'No subscription requests are waiting. Checked {time}.',
    'badge.not-configured': 'Gatekeeper is not set up. Open the options to connect it to your Gravitee console.',
    'badge.permission-missing': 'Gatekeeper has no access to {origin}. Open the options and click Save to grant it.',
    'badge.sign-in': 'Gravitee rejected the personal access token. Create a new one in Gravitee and paste it in the options.',
    'badge.sign-in.session': 'Gravitee did not accept a console session. Sign in to the Gravitee console in this browser, or add a personal access token in the options so Gatekeeper works while you are signed out.',
    'badge.sign-in.cross-site': 'The console and the Management API are on different sites, so the browser never shares the console session with Gatekeeper. Add a personal access token in the options.',
    'badge.forbidden': 'Gravitee refused to list your tasks (HTTP 403). Check that the token belongs to the right organization.',
    'badge.server-error': 'Gravitee could not list your tasks ({reason}). Gatekeeper keeps trying.',
    'badge.unreachable': 'Gatekeeper cannot reach the Management API. Check the network, VPN or the API URL in the options.',
    'badge.stale': 'This count may be out of date: the last successful check was at {lastTime}. Gatekeeper keeps trying.',
    'badge.last-good': 'Last known count: {lastCount}, checked at {lastTime}.',
    'badge.loading': 'Checking Gravitee for subscription requests…',
    'badge.malformed': '{count} of them could not be read; open the console\'s task list to see them.',
  },
  nb: {
    'badge.count': '{count} abonnementsforespørsler venter på din avgjørelse.',
    'badge.count.one': '1 abonnementsforespørsel venter på din avgjørelse.',
    'badge.none': 'Ingen abonnementsforespørsler venter. Sjekket {time}.',
    'badge.not-configured': 'Gatekeeper er ikke satt opp. Åpne innstillingene for å koble den til Gravitee-konsollen.',
    'badge.permission-missing': 'Gatekeeper har ikke tilgang til {origin}. Åpne innstillingene og klikk Lagre for å gi tilgang.',
    'badge.sign-in': 'Gravitee avviste det personlige tilgangstokenet. Lag et nytt i Gravitee og lim det inn i innstillingene.',
    'badge.sign-in.session': 'Gravitee godtok ingen konsolløkt. Logg inn i Gravitee-konsollen i denne nettleseren, eller legg inn et personlig tilgangstoken i innstillingene så Gatekeeper virker også når du er logget ut.',
    'badge.sign-in.cross-site': 'Konsollen og Management API ligger på ulike nettsteder, så nettleseren deler aldri konsolløkten med Gatekeeper. Legg inn et personlig tilgangstoken i innstillingene.',
    'badge.forbidden': 'Gravitee nektet å vise oppgavene dine (HTTP 403). Sjekk at tokenet hører til riktig organisasjon.',
    'badge.server-error': 'Gravitee kunne ikke vise oppgavene dine ({reason}). Gatekeeper prøver igjen.',
    'badge.unreachable': 'Gatekeeper får ikke kontakt med Management API. Sjekk nettverket, VPN eller API-adressen i innstillingene.',
    'badge.stale': 'Dette antallet kan være utdatert: siste vellykkede sjekk var kl. {lastTime}. Gatekeeper prøver igjen.',
    'badge.last-good': 'Siste kjente antall: {lastCount}, sjekket kl. {lastTime}.',
    'badge.loading': 'Sjekker Gravitee for abonnementsforespørsler …',
    'badge.malformed': '{count} av dem kunne ikke leses; åpne oppgavelisten i konsollen for å se dem.',
  },
});
