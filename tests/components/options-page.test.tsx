import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '@/components/options/OptionsPage';
import { errorMessages } from '@/lib/i18n/errors';
import { connectionItem, preferencesItem, tokenItem } from '@/lib/storage';
import { deferred } from './fake-transport';

const CONSOLE_URL = 'https://apim.example.org/console/';
const MANAGEMENT_URL = 'https://api.example.org/management';
const TOKEN = 'pat-0123456789abcdef';

interface FetchCall {
  url: string;
  init: RequestInit | undefined;
}

/** Creates a fetch that responds by URL from a table and records each call. Unknown URLs get 404. */
function stubFetch(routes: Record<string, () => Response>) {
  const calls: FetchCall[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const route = routes[url];
    return route ? route() : new Response('', { status: 404 });
  }) as typeof fetch;
  return { fetchImpl, calls };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const userUrl = `${MANAGEMENT_URL}/organizations/DEFAULT/user`;

function mockPermissionRequest(granted: boolean | Promise<boolean>) {
  return vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => Promise.resolve(granted));
}

async function renderPage(fetchImpl: typeof fetch = stubFetch({}).fetchImpl) {
  render(<OptionsPage fetchImpl={fetchImpl} />);
  await screen.findByRole('button', { name: 'Save' });
}

function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

function fillConnection({ token = TOKEN }: { token?: string } = {}) {
  fireEvent.change(input('Console URL'), { target: { value: `  ${CONSOLE_URL}  ` } });
  fireEvent.change(input('Management API URL'), { target: { value: `${MANAGEMENT_URL}/` } });
  fireEvent.change(input('Personal access token'), { target: { value: token } });
}

async function storeSavedSettings() {
  await connectionItem.setValue({ consoleUrl: CONSOLE_URL, managementUrl: MANAGEMENT_URL, organization: 'DEFAULT' });
  await tokenItem.setValue(TOKEN);
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('OptionsPage validation', () => {
  it('reports every invalid field', async () => {
    const request = mockPermissionRequest(true);
    await renderPage();

    fireEvent.change(input('Console URL'), { target: { value: 'ftp://apim.example.org/' } });
    fireEvent.change(input('Management API URL'), { target: { value: 'api.example.org/management' } });
    fireEvent.change(input('Organization'), { target: { value: '   ' } });
    fireEvent.change(input('Poll interval, in seconds'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText(/^The console URL must be an absolute http:\/\/ or https:\/\/ address/)).toBeTruthy();
    expect(screen.getByText(/^The Management API URL must be an absolute http:\/\/ or https:\/\/ address/)).toBeTruthy();
    expect(screen.getByText("Enter the organization id. Gravitee's default organization is DEFAULT.")).toBeTruthy();
    expect(screen.getByText('Enter a whole number of seconds, 30 or more.')).toBeTruthy();
    expect(screen.getByText('Paste a personal access token from Gravitee.')).toBeTruthy();
    expect(screen.getByText('Some fields are invalid. Correct them and try again.')).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for missing URLs', async () => {
    await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText('Enter the console URL.')).toBeTruthy();
    expect(screen.getByText('Enter the Management API URL, or click Detect from console.')).toBeTruthy();
    expect(input('Console URL').getAttribute('aria-invalid')).toBe('true');
  });

  it('rejects a blank token', async () => {
    const request = mockPermissionRequest(true);
    await renderPage();

    fillConnection({ token: '   ' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText('Paste a personal access token from Gravitee.')).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for the token again after a URL change', async () => {
    await storeSavedSettings();
    const request = mockPermissionRequest(true);
    await renderPage();
    await waitFor(() => expect(input('Management API URL').value).toBe(MANAGEMENT_URL));

    fireEvent.change(input('Management API URL'), { target: { value: 'https://other.example.org/management' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText(/^Paste the personal access token again\./)).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });

  it('clears a field error on edit', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter the console URL.')).toBeTruthy();

    fireEvent.change(input('Console URL'), { target: { value: 'h' } });

    expect(screen.queryByText('Enter the console URL.')).toBeNull();
  });
});

describe('OptionsPage save', () => {
  it('requests host access before storing', async () => {
    const events: string[] = [];
    const access = deferred<boolean>();
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => {
      events.push('permission');
      return access.promise;
    });
    const originalSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items) => {
      events.push('store');
      return originalSet(items);
    });
    await renderPage();
    fillConnection();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    // Called inside the click itself, with no await in between.
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ origins: ['https://apim.example.org/*', 'https://api.example.org/*'] });
    expect(events).toEqual(['permission']);

    await act(async () => access.resolve(true));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(events[0]).toBe('permission');
    expect(events).toContain('store');
  });

  it('stores the trimmed connection, token and preferences', async () => {
    mockPermissionRequest(true);
    await renderPage();
    fillConnection();
    fireEvent.change(input('Organization'), { target: { value: ' ACME ' } });
    fireEvent.change(input('Poll interval, in seconds'), { target: { value: '90' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'nb' } });

    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));

    expect(await screen.findByText('Lagret.')).toBeTruthy();
    expect(await connectionItem.getValue()).toEqual({ consoleUrl: CONSOLE_URL, managementUrl: MANAGEMENT_URL, organization: 'ACME' });
    expect(await tokenItem.getValue()).toBe(TOKEN);
    expect(await preferencesItem.getValue()).toEqual({ language: 'nb', pollSeconds: 90 });
  });

  it('stores nothing when access is refused', async () => {
    mockPermissionRequest(false);
    await renderPage();
    fillConnection();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText(
        'Gatekeeper needs access to https://apim.example.org, https://api.example.org to work. Click Save again and allow access when the browser asks.',
      ),
    ).toBeTruthy();
    expect(await connectionItem.getValue()).toBeNull();
    expect(await tokenItem.getValue()).toBeNull();
    expect(screen.queryByText('Saved.')).toBeNull();
  });

  it('keeps the saved token when the field is empty', async () => {
    await storeSavedSettings();
    mockPermissionRequest(true);
    await renderPage();
    await waitFor(() => expect(input('Console URL').value).toBe(CONSOLE_URL));

    fireEvent.change(input('Poll interval, in seconds'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(await tokenItem.getValue()).toBe(TOKEN);
    expect((await preferencesItem.getValue()).pollSeconds).toBe(120);
  });
});

describe('OptionsPage token field', () => {
  it('shows that a token is saved without revealing it', async () => {
    await storeSavedSettings();
    await renderPage();

    const field = await screen.findByPlaceholderText('Saved token (hidden)');

    expect((field as HTMLInputElement).value).toBe('');
    expect(field.getAttribute('type')).toBe('password');
    expect(screen.getByText(/^A token is saved\./)).toBeTruthy();
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('toggles between masked and visible', async () => {
    await renderPage();
    const field = input('Personal access token');
    expect(field.type).toBe('password');

    fireEvent.click(screen.getByRole('button', { name: 'Show token' }));
    expect(field.type).toBe('text');

    fireEvent.click(screen.getByRole('button', { name: 'Hide token' }));
    expect(field.type).toBe('password');
  });
});

describe('OptionsPage test connection', () => {
  it('shows the signed-in user', async () => {
    const request = mockPermissionRequest(true);
    const { fetchImpl, calls } = stubFetch({
      [userUrl]: () => json({ id: 'u-1', displayName: 'Ada Admin', email: 'ada@example.org' }),
    });
    await renderPage(fetchImpl);
    fillConnection();

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(request).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Connected as Ada Admin (ada@example.org).')).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(userUrl);
    expect(new Headers(calls[0]!.init?.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('uses the saved token', async () => {
    await storeSavedSettings();
    mockPermissionRequest(true);
    const { fetchImpl, calls } = stubFetch({ [userUrl]: () => json({ id: 'u-1', displayName: 'Ada Admin' }) });
    await renderPage(fetchImpl);
    await waitFor(() => expect(input('Console URL').value).toBe(CONSOLE_URL));

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(await screen.findByText('Connected as Ada Admin.')).toBeTruthy();
    expect(new Headers(calls[0]!.init?.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('shows the error sentence', async () => {
    mockPermissionRequest(true);
    const { fetchImpl } = stubFetch({ [userUrl]: () => json({ httpStatus: 401, message: 'Unauthorized' }, 401) });
    await renderPage(fetchImpl);
    fillConnection();

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(await screen.findByText(errorMessages.en['error.unauthorized'])).toBeTruthy();
  });

  it('sends nothing when access is refused', async () => {
    mockPermissionRequest(false);
    const { fetchImpl, calls } = stubFetch({});
    await renderPage(fetchImpl);
    fillConnection();

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(await screen.findByText(/^Gatekeeper needs access to .* to test the connection\./)).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});

describe('OptionsPage detection', () => {
  const constantsUrl = `${CONSOLE_URL}constants.json`;

  it('fills the Management API URL on Detect', async () => {
    const request = mockPermissionRequest(true);
    const { fetchImpl } = stubFetch({
      [constantsUrl]: () => json({ baseURL: 'https://api.example.org/management/organizations/ACME/', defaultPortal: 'next' }),
    });
    await renderPage(fetchImpl);
    fireEvent.change(input('Console URL'), { target: { value: CONSOLE_URL } });

    fireEvent.click(screen.getByRole('button', { name: 'Detect from console' }));

    expect(request).toHaveBeenCalledWith({ origins: ['https://apim.example.org/*'] });
    await waitFor(() => expect(input('Management API URL').value).toBe(MANAGEMENT_URL));
    expect(input('Organization').value).toBe('ACME');
    expect(screen.getByText(/^Found the Management API URL and the organization ACME/)).toBeTruthy();
  });

  it('explains an HTTP error', async () => {
    mockPermissionRequest(true);
    await renderPage(stubFetch({}).fetchImpl);
    fireEvent.change(input('Console URL'), { target: { value: CONSOLE_URL } });

    fireEvent.click(screen.getByRole('button', { name: 'Detect from console' }));

    expect(await screen.findByText(/^The console responded with HTTP 404/)).toBeTruthy();
    expect(input('Management API URL').value).toBe('');
  });

  it('explains a refused permission', async () => {
    mockPermissionRequest(false);
    const { fetchImpl, calls } = stubFetch({});
    await renderPage(fetchImpl);
    fireEvent.change(input('Console URL'), { target: { value: CONSOLE_URL } });

    fireEvent.click(screen.getByRole('button', { name: 'Detect from console' }));

    expect(await screen.findByText(/^Gatekeeper needs access to https:\/\/apim\.example\.org to read the console settings/)).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('prefills when host access exists', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const { fetchImpl } = stubFetch({ [constantsUrl]: () => json({ baseURL: '/management' }) });
    await renderPage(fetchImpl);

    fireEvent.change(input('Console URL'), { target: { value: CONSOLE_URL } });
    fireEvent.blur(input('Console URL'));

    await waitFor(() => expect(input('Management API URL').value).toBe('https://apim.example.org/management'));
    expect(contains).toHaveBeenCalledWith({ origins: ['https://apim.example.org/*'] });
  });

  it('does not prefill without host access', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const { fetchImpl, calls } = stubFetch({ [constantsUrl]: () => json({ baseURL: '/management' }) });
    await renderPage(fetchImpl);

    fireEvent.change(input('Console URL'), { target: { value: CONSOLE_URL } });
    fireEvent.blur(input('Console URL'));

    await waitFor(() => expect(contains).toHaveBeenCalled());
    expect(calls).toHaveLength(0);
    expect(input('Management API URL').value).toBe('');
  });
});

describe('OptionsPage in Norwegian', () => {
  it('follows the language choice', async () => {
    await renderPage();

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'nb' } });

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Innstillinger for Gatekeeper for Gravitee');
    expect(screen.getByLabelText('Konsolladresse')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Test tilkoblingen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(screen.getByText('Fyll inn konsolladressen.')).toBeTruthy();
  });

  it('uses the saved language', async () => {
    await preferencesItem.setValue({ language: 'nb', pollSeconds: 60 });
    render(<OptionsPage fetchImpl={stubFetch({}).fetchImpl} />);

    expect(await screen.findByRole('button', { name: 'Lagre' })).toBeTruthy();
    expect(document.title).toBe('Innstillinger for Gatekeeper for Gravitee');
  });
});
