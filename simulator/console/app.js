// Console stand-in for the Gatekeeper simulator: a small, framework-free page that behaves like
// the Gravitee APIM console where the extension meets it. It discovers the Management API from
// constants.json, logs in with a session cookie, keeps the CSRF token the way the real console
// does, polls the tasks list every `scheduler.tasks` seconds and renders the console's shell
// landmarks around a hash-routed view.
'use strict';

(() => {
  const state = {
    version: '0.0.0',
    baseURL: '',
    organizationId: 'DEFAULT',
    schedulerSeconds: 10,
    environments: [],
    environment: null,
    user: null,
    taskCount: 0,
    pollTimer: null,
    pollController: null,
    memoryXsrfToken: null,
  };

  const SIGNED_OUT_KEY = 'gatekeeper-simulator-signed-out';
  const DEFAULT_LOGIN = { username: 'admin', password: 'admin' };

  // ---------------------------------------------------------------- helpers

  /** Creates an element. Attributes that are false or null are skipped, and children may be strings. */
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
      else if (name === 'className') element.className = value;
      else element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  /** Returns true when the dotted `version` is at least `minimum`, comparing parts as numbers. */
  function atLeast(version, minimum) {
    const a = version.split('.').map((part) => parseInt(part, 10) || 0);
    const b = minimum.split('.').map((part) => parseInt(part, 10) || 0);
    for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
      const difference = (a[index] || 0) - (b[index] || 0);
      if (difference !== 0) return difference > 0;
    }
    return true;
  }

  function formatDate(value) {
    if (value === undefined || value === null) return '';
    return new Date(value).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }

  function relativeTime(epochMs) {
    const minutes = Math.round((Date.now() - epochMs) / 60000);
    if (minutes < 60) return `${minutes} minutes ago`;
    const hours = Math.round(minutes / 60);
    if (hours < 48) return `${hours} hours ago`;
    return `${Math.round(hours / 24)} days ago`;
  }

  function showSnackbar(message) {
    const bar = h('div', { className: 'snackbar', role: 'status' }, message);
    document.body.append(bar);
    setTimeout(() => bar.remove(), 4000);
  }

  // ---------------------------------------------------------------- HTTP

  // 4.3 and later keep the CSRF token in localStorage, while older consoles kept it in memory.
  function xsrfInLocalStorage() {
    return atLeast(state.version, '4.3.0');
  }

  function readXsrfToken() {
    return xsrfInLocalStorage() ? localStorage.getItem('XSRF-TOKEN') : state.memoryXsrfToken;
  }

  function storeXsrfToken(token) {
    if (xsrfInLocalStorage()) localStorage.setItem('XSRF-TOKEN', token);
    else state.memoryXsrfToken = token;
  }

  function organizationUrl(path) {
    return `${state.baseURL}/organizations/${encodeURIComponent(state.organizationId)}${path}`;
  }

  function environmentV2Url(path) {
    return `${state.baseURL}/v2/environments/${encodeURIComponent(state.environment.id)}${path}`;
  }

  function environmentV1Url(path) {
    return organizationUrl(`/environments/${encodeURIComponent(state.environment.id)}${path}`);
  }

  /**
   * Sends a request the way the console's interceptors do: session cookie, X-Requested-With,
   * and the CSRF token copied from every response and sent back on every request.
   */
  async function api(method, url, options = {}) {
    const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...(options.headers || {}) };
    const token = readXsrfToken();
    if (token) headers['X-Xsrf-Token'] = token;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';

    const response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'include',
      signal: options.signal,
    });
    const echoed = response.headers.get('X-Xsrf-Token');
    if (echoed) storeXsrfToken(echoed);

    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (response.status === 401 && !options.allowUnauthorized) handleUnauthorized();
    return { status: response.status, ok: response.ok, body };
  }

  function errorMessage(result) {
    if (result.body && typeof result.body.message === 'string') return result.body.message;
    return `Request failed with HTTP ${result.status}`;
  }

  // ---------------------------------------------------------------- session

  async function logIn(username, password) {
    const result = await api('POST', organizationUrl('/user/login'), {
      headers: { Authorization: `Basic ${btoa(`${username}:${password}`)}` },
      allowUnauthorized: true,
    });
    if (!result.ok) return false;
    sessionStorage.removeItem(SIGNED_OUT_KEY);
    return true;
  }

  async function loadSession() {
    const user = await api('GET', organizationUrl('/user'), { allowUnauthorized: true });
    if (!user.ok) return false;
    state.user = user.body;
    const environments = await api('GET', organizationUrl('/environments'));
    state.environments = environments.ok ? environments.body : [];
    return state.environments.length > 0;
  }

  function stopPolling() {
    clearInterval(state.pollTimer);
    state.pollTimer = null;
    if (state.pollController) state.pollController.abort();
  }

  function handleUnauthorized() {
    // Like the real console: a 401 ends the session and shows the login page.
    stopPolling();
    state.user = null;
    renderLogin('Your session has expired. Please sign in again.');
  }

  async function signOut() {
    stopPolling();
    sessionStorage.setItem(SIGNED_OUT_KEY, '1');
    await api('POST', organizationUrl('/user/logout'), { allowUnauthorized: true });
    state.user = null;
    renderLogin();
  }

  function renderLogin(message) {
    document.body.replaceChildren();
    const username = h('input', { name: 'username', value: DEFAULT_LOGIN.username, autocomplete: 'username' });
    const password = h('input', { name: 'password', type: 'password', value: DEFAULT_LOGIN.password, autocomplete: 'current-password' });
    const error = h('p', { className: 'error', role: 'alert' }, message || '');
    const form = h('form', {
      className: 'login',
      onsubmit: async (event) => {
        event.preventDefault();
        if (await logIn(username.value, password.value)) await start();
        else error.textContent = 'Wrong username or password.';
      },
    },
    h('h1', {}, 'Sign in to Gravitee.io'),
    h('label', {}, 'Username', username),
    h('label', {}, 'Password', password),
    error,
    h('button', { type: 'submit', className: 'mat-mdc-raised-button mat-primary' }, 'Sign in'));
    document.body.append(form);
  }

  // ---------------------------------------------------------------- routing

  function routeStyle() {
    return atLeast(state.version, '4.3.0') ? 'environment-segment' : 'environments-prefix';
  }

  function subscriptionWord() {
    return atLeast(state.version, '4.0.0') && !atLeast(state.version, '4.3.0') ? 'subscription' : 'subscriptions';
  }

  /** Builds a console link for an environment (id or hrid) and a path inside it. */
  function environmentLink(environment, path) {
    return routeStyle() === 'environment-segment' ? `#!/${environment}/${path}` : `#!/environments/${environment}/${path}`;
  }

  function findEnvironment(value) {
    const requested = String(value || '').toLowerCase();
    return state.environments.find((environment) => environment.id.toLowerCase() === requested || environment.hrids.some((hrid) => hrid.toLowerCase() === requested));
  }

  /** Parses the hash into the environment and the rest, rewriting it as the console's guard does. */
  function parseRoute() {
    const raw = location.hash.replace(/^#!?/, '').replace(/^\/+/, '');
    const [pathPart, queryPart] = raw.split('?');
    let segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
    const query = new URLSearchParams(queryPart || '');

    if (segments[0] === '_organization') return { organization: true, segments: segments.slice(1), query };

    if (routeStyle() === 'environment-segment') {
      if (segments[0] === 'environments') {
        location.replace(`#!/${segments.slice(1).join('/')}`);
        return null;
      }
    } else {
      if (segments[0] !== 'environments') segments = ['environments', ...segments];
      segments = segments.slice(1);
    }

    const environment = findEnvironment(segments[0]);
    const first = state.environments[0];
    if (!environment) {
      location.replace(environmentLink(routeStyle() === 'environment-segment' ? first.hrids[0] || first.id : first.id, 'home'));
      return null;
    }

    // The Angular router's guard replaces an environment id with the environment's first hrid.
    const preferred = routeStyle() === 'environment-segment' ? environment.hrids[0] || environment.id : environment.id;
    if (segments[0] !== preferred) {
      const rest = segments.slice(1).join('/') || 'home';
      location.replace(environmentLink(preferred, rest) + (queryPart ? `?${queryPart}` : ''));
      return null;
    }
    return { organization: false, environment, segments: segments.slice(1), query };
  }

  async function route() {
    if (!state.user) return;
    const parsed = parseRoute();
    if (!parsed) return;

    if (parsed.organization) {
      stopPolling();
      renderOrganizationPage(parsed.segments);
      return;
    }

    const environmentChanged = !state.environment || state.environment.id !== parsed.environment.id;
    state.environment = parsed.environment;
    if (!document.querySelector('management-root') || environmentChanged) renderShell();
    if (!state.pollTimer) startPolling();
    updateSideNav(parsed.segments);

    const outlet = document.getElementById('gio-toc-scrolling-container');
    outlet.replaceChildren(h('div', { className: 'loading' }, 'Loading…'));
    const view = await renderView(parsed.segments, parsed.query);
    // A newer navigation may have replaced the outlet's content in the meantime.
    if (view && outlet.isConnected) outlet.replaceChildren(view);
  }

  function renderView(segments, query) {
    const [section, id, sub, subId, extra, extraId] = segments;
    if (section === 'tasks') return renderTasks();
    if (section === 'home' && id === 'tasks') return renderTasks();
    if (section === 'my-account') return renderMyAccount();
    if (section === 'apis' && !id) return renderApis();
    if (section === 'apis' && sub === undefined) return renderApi(id);
    if (section === 'apis' && (sub === 'subscriptions' || sub === 'subscription') && subId) return renderSubscription('apis', id, subId);
    if (section === 'apis' && sub === 'subscriptions') return renderSubscriptions(id, query);
    if (section === 'api-products' && sub === 'consumers' && subId === 'subscriptions' && extra === undefined && extraId === undefined) return renderHome();
    if (section === 'api-products' && sub === 'consumers' && subId === 'subscriptions') return renderSubscription('api-products', id, extra);
    return renderHome();
  }

  // ---------------------------------------------------------------- shell and polling

  function renderShell() {
    document.body.replaceChildren();
    const initials = (state.user.firstname || state.user.displayName || '?').slice(0, 1).toUpperCase();

    const topNav = h('gio-top-nav', { className: 'header' },
      h('div', { className: 'gio-top-nav' },
        h('gio-top-bar', {},
          h('button', { className: 'gio-top-bar__logo', type: 'button', onclick: () => { location.hash = environmentLink(state.environment.hrids[0] || state.environment.id, 'home'); } }, 'Gravitee.io APIM'),
          h('gio-top-bar-content', {}, ''),
          h('gio-top-bar-menu', {},
            h('gio-notification-menu', {}, h('button', { className: 'mat-mdc-button', type: 'button', 'aria-label': 'Notifications' }, 'Notifications')),
            h('gio-user-menu', {},
              h('button', {
                className: 'gio-user-menu__button-avatar',
                type: 'button',
                'data-testid': 'top-nav-user-menu-button',
                'aria-label': 'User menu',
                onclick: (event) => { event.stopPropagation(); toggleUserMenu(); },
              }, initials))))));

    const environmentSelect = h('select', {
      'aria-label': 'Environment',
      onchange: (event) => {
        const environment = findEnvironment(event.target.value);
        if (environment) location.hash = environmentLink(environment.hrids[0] || environment.id, 'home');
      },
    }, state.environments.map((environment) => h('option', { value: environment.id, selected: environment.id === state.environment.id }, environment.name)));

    const sideNav = h('gio-side-nav', { className: 'sidebar' },
      environmentSelect,
      h('a', { 'data-section': 'home', href: environmentLink(state.environment.hrids[0] || state.environment.id, 'home') }, 'Dashboard'),
      h('a', { 'data-section': 'apis', href: environmentLink(state.environment.hrids[0] || state.environment.id, 'apis') }, 'APIs'));

    const root = h('management-root', {},
      h('div', { className: 'wrapper' },
        topNav,
        sideNav,
        h('div', { id: 'gio-toc-scrolling-container', className: 'content' })));
    document.body.append(root, h('div', { className: 'cdk-overlay-container' }));
    updateTaskBadge();
  }

  function updateSideNav(segments) {
    for (const link of document.querySelectorAll('gio-side-nav a')) {
      link.classList.toggle('active', link.dataset.section === (segments[0] || 'home'));
    }
  }

  /** Shows the alert dot and refreshes the open menu. The dot exists only while the count is above 0. */
  function updateTaskBadge() {
    const menu = document.querySelector('gio-user-menu');
    if (!menu) return;
    const dot = menu.querySelector('.gio-user-menu__alert-badge');
    if (state.taskCount > 0 && !dot) menu.append(h('span', { className: 'gio-user-menu__alert-badge gio-badge-accent' }));
    if (state.taskCount === 0 && dot) dot.remove();
    const open = document.querySelector('.gio-user-menu.mat-mdc-menu-panel');
    if (open) renderUserMenu(open.parentElement);
  }

  function closeUserMenu() {
    const overlay = document.querySelector('.cdk-overlay-container');
    if (overlay) overlay.replaceChildren();
  }

  function renderUserMenu(overlay) {
    const environmentSegment = state.environment.hrids[0] || state.environment.id;
    const taskLabel = atLeast(state.version, '4.0.0') ? 'Tasks' : 'Task';
    const navigate = (path) => () => { closeUserMenu(); location.hash = environmentLink(environmentSegment, path); };
    overlay.replaceChildren(
      h('div', { className: 'mat-mdc-menu-panel gio-user-menu', role: 'menu' },
        h('button', { className: 'mat-mdc-menu-item', role: 'menuitem', type: 'button', onclick: navigate('my-account') }, 'My Account'),
        h('button', { className: 'mat-mdc-menu-item', role: 'menuitem', type: 'button', 'data-testid': 'user-menu-task-button', onclick: navigate('tasks') },
          h('span', {}, taskLabel),
          state.taskCount > 0 ? h('span', { className: 'gio-badge-accent' }, String(state.taskCount)) : null),
        h('button', { className: 'mat-mdc-menu-item', role: 'menuitem', type: 'button', onclick: () => { closeUserMenu(); signOut(); } }, 'Sign Out')));
  }

  function toggleUserMenu() {
    const overlay = document.querySelector('.cdk-overlay-container');
    if (!overlay) return;
    if (overlay.childElementCount > 0) closeUserMenu();
    else renderUserMenu(overlay);
  }

  async function pollTasks() {
    // Like the console's switchMap: a new tick cancels the request still in flight.
    if (state.pollController) state.pollController.abort();
    const controller = new AbortController();
    state.pollController = controller;
    try {
      const result = await api('GET', organizationUrl('/user/tasks'), { signal: controller.signal });
      if (result.ok && result.body && result.body.page) {
        state.taskCount = result.body.page.total_elements;
        updateTaskBadge();
      }
    } catch (error) {
      if (error.name !== 'AbortError') console.warn('Task polling failed:', error);
    }
  }

  function startPolling() {
    stopPolling();
    pollTasks();
    state.pollTimer = setInterval(pollTasks, state.schedulerSeconds * 1000);
  }

  // ---------------------------------------------------------------- views

  async function renderHome() {
    const tasks = await api('GET', organizationUrl('/user/tasks'));
    const count = tasks.ok ? tasks.body.page.total_elements : 0;
    const segment = state.environment.hrids[0] || state.environment.id;
    return h('div', { className: 'home' },
      h('h1', {}, 'Home'),
      h('nav', { className: 'home-tabs' },
        h('a', { href: environmentLink(segment, 'home') }, 'Overview'),
        h('a', { href: environmentLink(segment, 'home/tasks') }, `My Tasks ${count}`)),
      h('p', {}, `Welcome, ${state.user.displayName}. This is the ${state.environment.name} environment.`));
  }

  function taskCard(task, metadata) {
    const data = task.data;
    const name = (id) => (metadata[id] && metadata[id].name) || id;

    if (task.type === 'SUBSCRIPTION_APPROVAL') {
      const plan = metadata[data.plan] || {};
      const referenceId = plan.api || data.referenceId || data.api;
      const isProduct = data.referenceType === 'API_PRODUCT';
      const environmentId = (metadata[data.referenceId || data.api] || {}).environmentId || state.environment.id;
      const target = isProduct
        ? environmentLink(environmentId, `api-products/${referenceId}/consumers/subscriptions/${data.id}`)
        : environmentLink(environmentId, `apis/${referenceId}/${subscriptionWord()}/${data.id}`);
      return h('mat-card', { className: 'task', 'data-testid': 'task-card' },
        h('mat-card-header', {}, h('mat-card-title', {}, 'Subscription'), h('mat-card-subtitle', {}, relativeTime(task.created_at))),
        h('mat-card-content', {},
          'The application ', h('code', {}, name(data.application)),
          ` requested a subscription for ${isProduct ? 'API Product' : 'API'} `, h('code', {}, name(referenceId)),
          ` (plan: ${plan.name || data.plan})`),
        h('mat-card-actions', {}, h('button', { className: 'mat-mdc-outlined-button', type: 'button', onclick: () => { location.hash = target; } }, 'Validate')));
    }

    if (task.type === 'IN_REVIEW' || task.type === 'REQUEST_FOR_CHANGES') {
      const apiId = data.referenceId;
      const environmentId = (metadata[apiId] || {}).environmentId || state.environment.id;
      const inReview = task.type === 'IN_REVIEW';
      return h('mat-card', { className: 'task', 'data-testid': 'task-card' },
        h('mat-card-header', {}, h('mat-card-title', {}, inReview ? 'API review' : 'Changes requested'), h('mat-card-subtitle', {}, relativeTime(task.created_at))),
        h('mat-card-content', {}, 'The API ', h('code', {}, name(apiId)), inReview ? ' is ready to be reviewed.' : ' needs changes before it can be published.'),
        h('mat-card-actions', {}, h('button', { className: 'mat-mdc-outlined-button', type: 'button', onclick: () => { location.hash = environmentLink(environmentId, `apis/${apiId}`); } }, inReview ? 'Review' : 'Show API')));
    }

    if (task.type === 'USER_REGISTRATION_APPROVAL') {
      return h('mat-card', { className: 'task', 'data-testid': 'task-card' },
        h('mat-card-header', {}, h('mat-card-title', {}, 'User registration'), h('mat-card-subtitle', {}, relativeTime(task.created_at))),
        h('mat-card-content', {}, 'The user ', h('code', {}, data.displayName), ' is waiting for your approval.'),
        h('mat-card-actions', {}, h('button', { className: 'mat-mdc-outlined-button', type: 'button', onclick: () => { location.hash = `#!/_organization/users/${data.id}`; } }, 'Validate')));
    }

    return h('mat-card', { className: 'task', 'data-testid': 'task-card' }, h('mat-card-title', {}, task.type));
  }

  async function renderTasks() {
    const result = await api('GET', organizationUrl('/user/tasks'));
    if (!result.ok) return h('p', { className: 'error' }, errorMessage(result));
    const tasks = [...result.body.data].sort((a, b) => b.created_at - a.created_at);
    const metadata = result.body.metadata || {};
    return h('div', { className: 'tasks' },
      h('h2', {}, `My Tasks (${result.body.page.total_elements})`),
      tasks.length === 0
        ? h('div', { className: 'empty' }, h('mat-icon', { svgicon: 'gio:sun', 'aria-hidden': 'true' }), h('p', {}, 'No tasks to display.'))
        : tasks.map((task) => taskCard(task, metadata)));
  }

  async function renderApis() {
    const result = await api('GET', environmentV1Url('/apis'));
    if (!result.ok) return h('p', { className: 'error' }, errorMessage(result));
    const segment = state.environment.hrids[0] || state.environment.id;
    return h('div', { className: 'apis' },
      h('h1', {}, 'APIs'),
      h('table', { className: 'gio-table' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Version'), h('th', {}, 'Type'), h('th', {}, 'Owner'))),
        h('tbody', {}, result.body.map((api) => h('tr', {},
          h('td', {}, h('a', { href: environmentLink(segment, `apis/${api.id}/subscriptions`) }, api.name)),
          h('td', {}, api.version),
          h('td', {}, api.type || ''),
          h('td', {}, api.owner ? api.owner.displayName : ''))))));
  }

  async function apiName(apiId) {
    const result = await api('GET', environmentV1Url('/apis'));
    const found = result.ok ? result.body.find((item) => item.id === apiId) : null;
    return found ? found.name : apiId;
  }

  async function renderApi(apiId) {
    const segment = state.environment.hrids[0] || state.environment.id;
    return h('div', { className: 'api' },
      h('h1', {}, await apiName(apiId)),
      h('a', { href: environmentLink(segment, `apis/${apiId}/subscriptions`) }, 'Consumers › Subscriptions'));
  }

  async function renderSubscriptions(apiId, query) {
    // NOTE: the simulator has no v1 subscription list, so this view needs a 4.x profile.
    if (!atLeast(state.version, '4.0.0')) return h('p', {}, 'The subscription list of this console stand-in needs Gravitee 4.0 or later. Open a subscription from the tasks page instead.');
    const statuses = query.get('status') || 'ACCEPTED,PAUSED,PENDING';
    const page = Number(query.get('page') || '1');
    const size = Number(query.get('size') || '10');
    const params = new URLSearchParams({ page: String(page), perPage: String(size), statuses, expands: 'application,plan' });
    const result = await api('GET', environmentV2Url(`/apis/${encodeURIComponent(apiId)}/subscriptions?${params}`));
    if (!result.ok) return h('p', { className: 'error' }, errorMessage(result));

    const segment = state.environment.hrids[0] || state.environment.id;
    const pageLink = (target) => environmentLink(segment, `apis/${apiId}/subscriptions?status=${statuses}&page=${target}&size=${size}`);
    const { pagination } = result.body;
    return h('div', { className: 'subscriptions' },
      h('h1', {}, `${await apiName(apiId)}: Subscriptions`),
      h('p', {}, `Status: ${statuses.split(',').join(', ')}`),
      h('table', { className: 'gio-table' },
        h('thead', {}, h('tr', {}, ['Security type', 'Plan', 'Application', 'Created at', 'Processed at', 'Start at', 'End at', 'Status', ''].map((title) => h('th', {}, title)))),
        h('tbody', {}, result.body.data.map((subscription) => h('tr', { 'data-subscription-id': subscription.id },
          h('td', {}, subscription.plan.security ? subscription.plan.security.type : ''),
          h('td', {}, subscription.plan.name || subscription.plan.id),
          h('td', {}, subscription.application.name || subscription.application.id),
          h('td', {}, formatDate(subscription.createdAt)),
          h('td', {}, formatDate(subscription.processedAt)),
          h('td', {}, formatDate(subscription.startingAt)),
          h('td', {}, formatDate(subscription.endingAt)),
          h('td', {}, subscription.status),
          h('td', {}, h('a', { href: environmentLink(segment, `apis/${apiId}/${subscriptionWord()}/${subscription.id}`) }, 'Details')))))),
      h('p', { className: 'pagination' },
        page > 1 ? h('a', { href: pageLink(page - 1) }, '‹ Previous ') : null,
        `Page ${pagination.page} of ${Math.max(pagination.pageCount, 1)} (${pagination.totalCount} subscriptions)`,
        page < pagination.pageCount ? h('a', { href: pageLink(page + 1) }, ' Next ›') : null));
  }

  function openDialog(title, fields, confirmLabel, onConfirm) {
    const error = h('p', { className: 'error', role: 'alert' });
    const confirm = h('button', { type: 'submit', className: 'mat-mdc-raised-button mat-primary' }, confirmLabel);
    const dialog = h('dialog', { className: 'gio-dialog' });
    const form = h('form', {
      method: 'dialog',
      onsubmit: async (event) => {
        event.preventDefault();
        confirm.disabled = true;
        const failure = await onConfirm();
        confirm.disabled = false;
        if (failure) error.textContent = failure;
        else dialog.close();
      },
    },
    h('h2', {}, title),
    fields,
    error,
    h('div', { className: 'actions' },
      h('button', { type: 'button', className: 'mat-mdc-button', onclick: () => dialog.close() }, 'Cancel'),
      confirm));
    dialog.append(form);
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  }

  function localDateTimeValue(date) {
    const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return shifted.toISOString().slice(0, 16);
  }

  /** Converts a datetime-local value (the browser's zone) to ISO-8601 UTC, or undefined when empty. */
  function toIso(value) {
    return value ? new Date(value).toISOString() : undefined;
  }

  /** Maps a v1 subscription (snake_case, epoch dates) to the v2 field names the detail card reads. */
  function fromLegacySubscription(legacy) {
    return {
      id: legacy.id,
      status: legacy.status,
      consumerStatus: legacy.consumerStatus,
      plan: { id: legacy.plan.id, name: legacy.plan.name, security: legacy.plan.security ? { type: legacy.plan.security } : undefined },
      application: { id: legacy.application.id, name: legacy.application.name, domain: legacy.application.domain, primaryOwner: legacy.application.owner },
      subscribedBy: legacy.subscribed_by,
      publisherMessage: legacy.reason,
      consumerMessage: legacy.request,
      failureCause: legacy.failureCause,
      createdAt: legacy.created_at,
      updatedAt: legacy.updated_at,
      processedAt: legacy.processed_at,
      startingAt: legacy.starting_at,
      pausedAt: legacy.paused_at,
      endingAt: legacy.ending_at,
      closedAt: legacy.closed_at,
      metadata: legacy.metadata,
      origin: legacy.origin,
    };
  }

  /** Translates a v2 action into the v1 call that 3.x consoles made: `_process` or a PUT of the dates. */
  function legacyAction(method, path, body, subscriptionId) {
    if (path === '/_accept') return { method: 'POST', path: '/_process', body: { accepted: true, starting_at: body.startingAt, ending_at: body.endingAt, reason: body.reason } };
    if (path === '/_reject') return { method: 'POST', path: '/_process', body: { accepted: false, reason: body.reason } };
    return { method, path, body: { id: subscriptionId, starting_at: body.startingAt, ending_at: body.endingAt } };
  }

  async function renderSubscription(collection, referenceId, subscriptionId) {
    // Consoles before 4.0 have no Management API v2 and work on the v1 subscription resource.
    const legacy = !atLeast(state.version, '4.0.0');
    const path = `/${collection}/${encodeURIComponent(referenceId)}/subscriptions/${encodeURIComponent(subscriptionId)}`;
    const base = legacy ? environmentV1Url(path) : environmentV2Url(path);
    const result = await api('GET', legacy ? base : `${base}?expands=plan,application,subscribedBy`);
    if (!result.ok) return h('p', { className: 'error' }, errorMessage(result));
    const subscription = legacy ? fromLegacySubscription(result.body) : result.body;

    let canUpdate = true;
    if (collection === 'apis') {
      const permissions = await api('GET', environmentV1Url(`/apis/${encodeURIComponent(referenceId)}/members/permissions`));
      canUpdate = permissions.ok && Array.isArray(permissions.body.SUBSCRIPTION) && permissions.body.SUBSCRIPTION.includes('U');
    }

    const refresh = () => route();
    const act = async (method, path, body, success) => {
      const call = legacy ? legacyAction(method, path, body, subscription.id) : { method, path, body };
      const outcome = await api(call.method, `${base}${call.path}`, { body: call.body });
      if (!outcome.ok) return errorMessage(outcome);
      showSnackbar(success);
      refresh();
      return null;
    };

    const rows = [
      ['Plan', subscription.plan.name ? `${subscription.plan.name} (${subscription.plan.security ? subscription.plan.security.type : ''})` : subscription.plan.id, true],
      ['Status', subscription.status, true],
      ['Consumer status', subscription.consumerStatus, true],
      ['Failure Cause', subscription.failureCause],
      ['Subscribed by', subscription.subscribedBy.displayName || subscription.subscribedBy.id, true],
      ['Application', subscription.application.name ? `${subscription.application.name} (${subscription.application.primaryOwner ? subscription.application.primaryOwner.displayName : ''})` : subscription.application.id, true],
      ['Publisher message to subscriber', subscription.publisherMessage],
      ['Subscriber message to publisher', subscription.consumerMessage],
      ['Created at', formatDate(subscription.createdAt), true],
      ['Updated at', formatDate(subscription.updatedAt)],
      ['Processed at', formatDate(subscription.processedAt)],
      ['Starting at', formatDate(subscription.startingAt)],
      ['Paused at', formatDate(subscription.pausedAt)],
      ['Ending at', formatDate(subscription.endingAt)],
      ['Closed at', formatDate(subscription.closedAt)],
      ['Domain', subscription.application.domain],
      ['Metadata', subscription.metadata ? Object.entries(subscription.metadata).map(([key, value]) => `${key}: ${value}`).join(', ') : ''],
    ].filter(([, value, always]) => always || value);

    const footerButtons = [];
    if (subscription.status === 'PENDING') {
      footerButtons.push(
        h('button', { type: 'button', className: 'mat-mdc-raised-button mat-primary', onclick: () => openValidateDialog(act) }, 'Validate subscription'),
        h('button', { type: 'button', className: 'mat-mdc-outlined-button', onclick: () => openRejectDialog(act) }, 'Reject subscription'));
    } else if (subscription.status === 'ACCEPTED' || subscription.status === 'PAUSED') {
      footerButtons.push(
        h('button', { type: 'button', className: 'mat-mdc-outlined-button', onclick: () => openChangeEndDateDialog(subscription, act) }, 'Change end date'),
        legacy ? null : h('button', { type: 'button', className: 'mat-mdc-outlined-button', onclick: () => openCloseDialog(act) }, 'Close subscription'));
    }
    const showFooter = footerButtons.length > 0 && subscription.origin !== 'KUBERNETES' && canUpdate;

    return h('div', { className: 'subscription' },
      h('mat-card', { className: 'subscription-details', 'data-subscription-id': subscription.id },
        h('mat-card-title', {}, 'Subscription details'),
        h('dl', { className: 'subscription__details' }, rows.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value || '-')])),
        showFooter ? h('div', { className: 'subscription__footer' }, footerButtons) : null));
  }

  function openValidateDialog(act) {
    const now = localDateTimeValue(new Date());
    const start = h('input', { type: 'datetime-local', name: 'startingAt', min: now });
    const end = h('input', { type: 'datetime-local', name: 'endingAt', min: now });
    const message = h('input', { name: 'reason', maxlength: 50 });
    openDialog('Validate your subscription', [
      h('fieldset', {}, h('legend', {}, 'Validation period (optional)'), h('label', {}, 'Start', start), h('label', {}, 'End', end)),
      h('label', {}, 'Message (optional)', message),
    ], 'Validate', () => {
      // Only the fields that have a value are sent, as the console does.
      const body = {};
      if (start.value) body.startingAt = toIso(start.value);
      if (end.value) body.endingAt = toIso(end.value);
      if (message.value) body.reason = message.value;
      return act('POST', '/_accept', body, 'Subscription validated');
    });
  }

  function openRejectDialog(act) {
    const reason = h('input', { name: 'reason' });
    openDialog('Reject your subscription', [h('label', {}, 'Explain the reason for the rejection', reason)], 'Reject',
      () => act('POST', '/_reject', reason.value ? { reason: reason.value } : {}, 'Subscription rejected'));
  }

  function openChangeEndDateDialog(subscription, act) {
    const end = h('input', { type: 'datetime-local', name: 'endingAt', min: localDateTimeValue(new Date()) });
    openDialog('Change your end date', [
      h('p', {}, 'The application may lose access to the API once the new end date has passed.'),
      subscription.plan.security && subscription.plan.security.type === 'API_KEY' ? h('p', {}, 'All API Keys after the new end date will be revoked.') : null,
      h('label', {}, 'Validation end date (optional)', end),
    ], 'Change end date', () => act('PUT', '', {
      startingAt: subscription.startingAt,
      endingAt: toIso(end.value),
      consumerConfiguration: subscription.consumerConfiguration,
      metadata: subscription.metadata,
    }, 'Subscription end date changed'));
  }

  function openCloseDialog(act) {
    openDialog('Close your subscription', [h('p', {}, 'The application will lose access to the API.')], 'Close',
      () => act('POST', '/_close', undefined, 'Subscription closed'));
  }

  async function renderMyAccount() {
    return h('div', { className: 'my-account' },
      h('h1', {}, 'My Account'),
      h('dl', { className: 'subscription__details' },
        h('dt', {}, 'Name'), h('dd', {}, state.user.displayName),
        h('dt', {}, 'Email'), h('dd', {}, state.user.email || '-')),
      h('h2', {}, 'Personal access tokens'),
      h('p', {}, 'The simulator seeds one token per test user; see the simulator documentation.'));
  }

  function renderOrganizationPage(segments) {
    // Organization pages have their own navigation and no gio-top-nav, so no task badge either.
    document.body.replaceChildren(
      h('organization-root', {},
        h('gio-submenu', {},
          h('a', { href: environmentLink(state.environments[0].hrids[0] || state.environments[0].id, 'home') }, '‹ Back to the environment')),
        h('div', { className: 'org-content' },
          h('h1', {}, 'Organization settings'),
          h('p', {}, segments[0] === 'users' && segments[1] ? `User ${segments[1]}` : 'Settings'))));
  }

  // ---------------------------------------------------------------- start

  async function discover() {
    const [constants, build] = await Promise.all([
      fetch('constants.json').then((response) => response.json()),
      fetch('build.json').then((response) => response.json()),
    ]);
    state.version = build.version || '0.0.0';
    state.baseURL = String(constants.baseURL).replace(/\/+$/, '').replace(/\/organizations.*$/, '');
    if (constants.organizationId) state.organizationId = constants.organizationId;

    // 4.2 and later ask the server for the absolute base URL and the organization.
    if (atLeast(state.version, '4.2.0')) {
      const bootstrap = await api('GET', `${state.baseURL}/v2/ui/bootstrap`, { allowUnauthorized: true });
      if (bootstrap.ok) {
        state.baseURL = bootstrap.body.baseURL.replace(/\/+$/, '');
        state.organizationId = bootstrap.body.organizationId;
      }
    }

    const settings = await api('GET', organizationUrl('/console'), { allowUnauthorized: true });
    state.schedulerSeconds = (settings.ok && settings.body.scheduler && settings.body.scheduler.tasks) || 10;
  }

  async function start() {
    if (!(await loadSession())) {
      if (sessionStorage.getItem(SIGNED_OUT_KEY)) return renderLogin();
      // The stand-in signs in as the seeded admin on first load, so demos open on a live console.
      if (!(await logIn(DEFAULT_LOGIN.username, DEFAULT_LOGIN.password)) || !(await loadSession())) return renderLogin('Automatic sign-in failed.');
    }
    if (!location.hash || location.hash === '#' || location.hash === '#!/') {
      const first = state.environments[0];
      location.replace(environmentLink(routeStyle() === 'environment-segment' ? first.hrids[0] || first.id : first.id, 'home'));
    }
    await route();
  }

  window.addEventListener('hashchange', () => { route(); });
  document.addEventListener('click', (event) => {
    if (!event.target.closest('.gio-user-menu, .gio-user-menu__button-avatar')) closeUserMenu();
  });

  discover()
    .then(start)
    .catch((error) => {
      console.error('Console stand-in failed to start:', error);
      document.body.replaceChildren(h('p', { className: 'error' }, `The console could not reach the Management API: ${error.message}`));
    });
})();
