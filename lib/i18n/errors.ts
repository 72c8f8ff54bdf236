import { defineMessages } from './define';

// One sentence per GraviteeError kind: what failed, then what to do. `{detail}` is filled with
// Gravitee's own message where there is one.
export const errorMessages = defineMessages({
  en: {
    'error.unauthorized': 'Gravitee rejected the sign-in (HTTP 401). Create a new personal access token in Gravitee under My Account and paste it in the Gatekeeper options.',
    'error.forbidden': 'Gravitee refused this action (HTTP 403): your user lacks the subscription permission on this API or organization. Ask an API owner or administrator for access.',
    'error.csrf-or-cors': 'Gravitee blocked the request as cross-site (HTTP 403 without a reason). Reload the console tab and try again; if it keeps failing, ask your administrator to allow the extension origin in the Management API CORS settings.',
    'error.not-found': 'Gravitee could not find this subscription or API (HTTP 404). It may have been deleted; refresh the list.',
    'error.already-processed': 'Someone else has already handled this request.',
    'error.bad-request': 'Gravitee rejected the request (HTTP {status}): {detail}',
    'error.rate-limited': 'Gravitee is limiting requests (HTTP 429). Gatekeeper will try again later; wait a moment before retrying.',
    'error.server': 'Gravitee had an internal error (HTTP {status}). Try again in a moment; if it persists, tell your Gravitee administrator.',
    'error.network': 'Gatekeeper could not reach the Management API. Check the API URL in the options and your network or VPN connection.',
    'error.timeout': 'The Management API did not answer in time. Try again; if it keeps happening, the server may be overloaded.',
    'error.invalid-response': 'The Management API sent a response Gatekeeper cannot read. Check that the API URL points to Gravitee\'s /management base.',
    'error.not-applied': 'Gravitee answered that the change was saved, but the subscription does not show it: {detail} Open the subscription in the console to check it.',
  },
  nb: {
    'error.unauthorized': 'Gravitee avviste innloggingen (HTTP 401). Lag et nytt personlig tilgangstoken i Gravitee under My Account og lim det inn i innstillingene for Gatekeeper.',
    'error.forbidden': 'Gravitee nektet handlingen (HTTP 403): brukeren din mangler abonnementstilgang til dette API-et eller denne organisasjonen. Be en API-eier eller administrator om tilgang.',
    'error.csrf-or-cors': 'Gravitee stoppet forespørselen som tverrsidig (HTTP 403 uten begrunnelse). Last inn konsollfanen på nytt og prøv igjen; hvis det fortsatt feiler, be administratoren tillate utvidelsens opprinnelse i CORS-innstillingene for Management API.',
    'error.not-found': 'Gravitee fant ikke dette abonnementet eller API-et (HTTP 404). Det kan være slettet; oppdater listen.',
    'error.already-processed': 'Noen andre har allerede behandlet denne forespørselen.',
    'error.bad-request': 'Gravitee avviste forespørselen (HTTP {status}): {detail}',
    'error.rate-limited': 'Gravitee begrenser antall forespørsler (HTTP 429). Gatekeeper prøver igjen senere; vent litt før du prøver på nytt.',
    'error.server': 'Gravitee fikk en intern feil (HTTP {status}). Prøv igjen om litt; hvis feilen vedvarer, si fra til Gravitee-administratoren.',
    'error.network': 'Gatekeeper fikk ikke kontakt med Management API. Sjekk API-adressen i innstillingene og nettverket eller VPN-tilkoblingen.',
    'error.timeout': 'Management API svarte ikke i tide. Prøv igjen; hvis det skjer ofte, kan serveren være overbelastet.',
    'error.invalid-response': 'Management API sendte et svar Gatekeeper ikke kan lese. Sjekk at API-adressen peker på /management i Gravitee.',
    'error.not-applied': 'Gravitee svarte at endringen ble lagret, men abonnementet viser den ikke: {detail} Åpne abonnementet i konsollen for å sjekke det.',
  },
});
