import type { ContentScriptContext } from '#imports';
import type { SubscriptionPageInfo } from '@/lib/background/subscription-page';
import { parseConsoleRoute } from '@/lib/console/routes';
import { SEEN_ATTRIBUTE, SUBSCRIPTION_FOOTER } from '@/lib/console/selectors';
import type { SerializedGraviteeError } from '@/lib/gravitee/errors';
import type { Connection } from '@/lib/gravitee/types';
import { consolePageMessages } from '@/lib/i18n/console-page';
import { errorMessages } from '@/lib/i18n/errors';
import type { Language } from '@/lib/i18n/language';
import { sendToBackground } from '@/lib/messages';
import { subscriptionPageStyles } from './subscription-page-styles';

type Key = keyof typeof consolePageMessages.en;

/** How long to wait for Gravitee to render the subscription card after a navigation, in milliseconds. */
const ANCHOR_TIMEOUT_MS = 10_000;

function formatter(language: Language) {
  const format = new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (iso: string) => format.format(new Date(iso));
}

function textFor(language: Language) {
  return (key: Key, params: Record<string, string> = {}) =>
    consolePageMessages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

function errorText(language: Language, error: SerializedGraviteeError): string {
  if (error.localRefusal) return errorMessages[language][`error.local.${error.localRefusal}`];
  const key = `error.${error.kind}` as keyof typeof errorMessages.en;
  const template = errorMessages[language][key] ?? error.kind;
  const detail = error.serverMessage ?? error.technicalCode ?? '';
  return template.replace('{status}', String(error.status ?? '')).replace('{detail}', detail);
}

/** Resolves when selector matches under root, or with null once the signal aborts or the wait times out. */
function waitForElement(selector: string, signal: AbortSignal): Promise<Element | null> {
  const found = document.querySelector(selector);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const element = document.querySelector(selector);
      if (element) finish(element);
    });
    const timer = setTimeout(() => finish(null), ANCHOR_TIMEOUT_MS);
    function finish(element: Element | null) {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(element);
    }
    const onAbort = () => finish(null);
    signal.addEventListener('abort', onAbort);
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/** Creates an element with the given DOM properties (className, type, value, …) and children. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | number | boolean> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/**
 * Adds Gatekeeper's controls below the footer of Gravitee's subscription page: a one-click Accept
 * with the preset that applies to the request, Reject with a required message, and "Change end
 * date" for accepted subscriptions. Runs again after every SPA navigation; the seen mark keeps a
 * re-render from adding the controls twice.
 */
async function enhance(connection: Connection, language: Language, signal: AbortSignal): Promise<void> {
  const route = parseConsoleRoute(location.hash);
  if (route.page !== 'subscription') return;

  const footer = await waitForElement(SUBSCRIPTION_FOOTER, signal);
  if (!footer || signal.aborted || footer.hasAttribute(SEEN_ATTRIBUTE)) return;
  footer.setAttribute(SEEN_ATTRIBUTE, '');

  const t = textFor(language);
  const date = formatter(language);
  const host = element('div');
  host.className = 'gatekeeper-subscription-page';
  footer.after(host);
  signal.addEventListener('abort', () => host.remove());
  // Typing a rejection message must not trigger the console's keyboard shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (event) => event.stopPropagation());
  const shadow = host.attachShadow({ mode: 'open' });
  const box = element('section', { className: 'gk-box' }, element('h3', {}, t('console-page.title')));
  const status = element('p', { className: 'gk-status' }, t('console-page.loading'));
  status.setAttribute('role', 'status');
  shadow.append(element('style', {}, subscriptionPageStyles), box);
  box.append(status);

  const target = {
    connectionId: connection.id,
    environmentId: route.environment,
    referenceType: route.referenceType,
    apiId: route.apiId,
    subscriptionId: route.subscriptionId,
  };
  const info: SubscriptionPageInfo = await sendToBackground({ type: 'subscription-page', target });
  if (signal.aborted) return;
  if (!info.ok) {
    status.textContent = errorText(language, info.error);
    return;
  }

  const controls = element('div', { className: 'gk-controls' });
  box.append(controls);
  const { subscription } = info;

  if (subscription.status === 'PENDING') {
    if (!info.accept || !info.request) {
      status.textContent = t('console-page.not-in-tasks');
      return;
    }
    const offer = info.accept;
    const request = info.request;
    status.textContent = offer.endingAt
      ? t('console-page.accept.offer', { preset: offer.presetName, reason: offer.reason, start: date(offer.startingAt), end: date(offer.endingAt) })
      : t('console-page.accept.offer.open-ended', { preset: offer.presetName, reason: offer.reason, start: date(offer.startingAt) });

    const accept = element('button', { type: 'button', className: 'gk-primary' }, t('console-page.accept'));
    const reject = element('button', { type: 'button' }, t('console-page.reject'));
    controls.append(accept, reject);

    const disable = (disabled: boolean) => {
      for (const button of controls.querySelectorAll('button')) button.disabled = disabled;
    };

    accept.addEventListener('click', async () => {
      disable(true);
      status.textContent = t('console-page.sending');
      const result = await sendToBackground({ type: 'accept', request, startingAt: offer.startingAt, endingAt: offer.endingAt });
      if (result.ok) {
        status.textContent = t('console-page.accepted');
        controls.replaceChildren();
      } else {
        status.textContent = errorText(language, result.error);
        disable(false);
      }
    });

    reject.addEventListener('click', () => {
      const label = element('label', { className: 'gk-field' }, t('console-page.reject.label'));
      const message = element('textarea', { rows: 3 });
      label.append(message);
      const confirm = element('button', { type: 'button', className: 'gk-danger' }, t('console-page.reject.confirm'));
      const cancel = element('button', { type: 'button' }, t('console-page.cancel'));
      controls.replaceChildren(label, confirm, cancel);
      message.focus();
      cancel.addEventListener('click', () => controls.replaceChildren(accept, reject));
      confirm.addEventListener('click', async () => {
        const reason = message.value.trim();
        if (!reason) {
          status.textContent = t('console-page.reject.required');
          return;
        }
        disable(true);
        status.textContent = t('console-page.sending');
        const result = await sendToBackground({ type: 'reject', request, reason });
        if (result.ok) {
          status.textContent = t('console-page.rejected');
          controls.replaceChildren();
        } else {
          // The typed message stays in the field for another try.
          status.textContent = errorText(language, result.error);
          disable(false);
        }
      });
    });
    return;
  }

  if (subscription.status !== 'ACCEPTED' && subscription.status !== 'PAUSED') {
    host.remove();
    return;
  }
  renderEndDate(info, controls, status, language);
}

function renderEndDate(info: Extract<SubscriptionPageInfo, { ok: true }>, controls: HTMLElement, status: HTMLElement, language: Language) {
  const t = textFor(language);
  const date = formatter(language);
  let current = info.subscription;
  const describe = () => (current.endingAt ? t('console-page.ends', { end: date(current.endingAt) }) : t('console-page.no-end'));
  status.textContent = describe();

  const open = element('button', { type: 'button' }, t('console-page.change'));
  controls.append(open);
  open.addEventListener('click', () => {
    const select = element('select');
    for (const choice of info.endDateChoices) {
      if (choice.endingAt === null) continue;
      select.append(element('option', { value: choice.endingAt }, `${choice.name}: ${date(choice.endingAt)}`));
    }
    select.append(element('option', { value: 'none' }, t('console-page.change.none')), element('option', { value: 'custom' }, t('console-page.change.custom')));
    const custom = element('input', { type: 'datetime-local', hidden: true });
    const label = element('label', { className: 'gk-field' }, t('console-page.change.choose'), select, custom);
    const warning = element('p', { className: 'gk-warning' });
    const apply = element('button', { type: 'button', className: 'gk-primary' }, t('console-page.change.apply'));
    const cancel = element('button', { type: 'button' }, t('console-page.cancel'));
    controls.replaceChildren(label, warning, apply, cancel);

    const chosen = (): string | null | 'invalid' => {
      if (select.value === 'none') return null;
      if (select.value === 'custom') {
        const value = custom.value ? new Date(custom.value) : null;
        return value && !Number.isNaN(value.getTime()) ? value.toISOString() : 'invalid';
      }
      return select.value;
    };

    const check = (): string | null => {
      const end = chosen();
      if (end === 'invalid') return t('console-page.change.past');
      if (end === null) return null;
      if (Date.parse(end) <= Date.now()) return t('console-page.change.past');
      if (current.startingAt && Date.parse(end) <= Date.parse(current.startingAt)) return t('console-page.change.before-start');
      return null;
    };

    const warn = () => {
      custom.hidden = select.value !== 'custom';
      const end = chosen();
      const problem = check();
      if (problem) warning.textContent = problem;
      else if (end === null) warning.textContent = current.endingAt ? t('console-page.change.remove') : '';
      else if (current.endingAt === null || Date.parse(end as string) < Date.parse(current.endingAt)) {
        warning.textContent = current.planSecurity === 'API_KEY' ? t('console-page.change.shorten-api-key') : t('console-page.change.shorten');
      } else warning.textContent = '';
      apply.disabled = problem !== null;
    };
    select.addEventListener('change', warn);
    custom.addEventListener('input', warn);
    warn();

    cancel.addEventListener('click', () => {
      controls.replaceChildren(open);
      status.textContent = describe();
    });
    apply.addEventListener('click', async () => {
      const end = chosen();
      if (end === 'invalid' || check()) return;
      apply.disabled = true;
      status.textContent = t('console-page.sending');
      const result = await sendToBackground({ type: 'change-end-date', target: info.target, endingAt: end });
      if (result.ok) {
        current = result.subscription;
        controls.replaceChildren(open);
        status.textContent = current.endingAt ? t('console-page.changed', { end: date(current.endingAt) }) : t('console-page.changed.none');
      } else {
        status.textContent = errorText(language, result.error);
        apply.disabled = false;
      }
    });
  });
}

/** Runs the subscription page enhancement now and after every navigation inside the console. */
export function watchSubscriptionPages(ctx: ContentScriptContext, connection: Connection, language: Language): void {
  let controller = new AbortController();
  const run = () => {
    controller.abort();
    controller = new AbortController();
    enhance(connection, language, controller.signal).catch((error: unknown) => console.error('[console-panel] subscription page controls failed', error));
  };
  // hashchange fires after the console's hash route changed. WXT's locationchange can fire before
  // location.hash contains the new route, so it is only a fallback for other kinds of navigation.
  ctx.addEventListener(window, 'hashchange', run);
  ctx.addEventListener(window, 'wxt:locationchange', () => setTimeout(run, 0));
  ctx.onInvalidated(() => controller.abort());
  run();
}
