import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '@/components/options/OptionsPage';
import { errorMessages } from '@/lib/i18n/errors';
import { connectionsItem, preferencesItem, tokensItem } from '@/lib/storage';
import { deferred } from './fake-transport';
import {
  CONSOLE_URL,
  MANAGEMENT_URL,
  SAVED_CONNECTION,
  TOKEN,
  USER_URL,
  UUID_PATTERN,
  input,
  json,
  mockPermissionRequest,
  storeSavedConnection,
  stubFetch,
} from './options-helpers';

async function renderPage(fetchImpl: typeof fetch = stubFetch({}).fetchImpl) {
  render(<OptionsPage fetchImpl={fetchImpl} />);
  await screen.findByRole('button', { name: 'Save preferences' });
}

function fillConnection({ token = TOKEN }: { token?: string } = {}) {
  fireEvent.change(input('Console URL'), { target: { value: `  ${CONSOLE_URL}  ` } });
  fireEvent.change(input('Management API URL'), { target: { value: `${MANAGEMENT_URL}/` } });
  fireEvent.change(input('Personal access token'), { target: { value: token } });
}

/** Renders the page with the saved connection and opens its editor. */
async function editSavedConnection(fetchImpl?: typeof fetch) {
  await storeSavedConnection();
  await renderPage(fetchImpl);
  fireEvent.click(await screen.findByRole('button', { name: 'Edit apim.example.org' }));
  await waitFor(() => expect(input('Console URL').value).toBe(CONSOLE_URL));
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('OptionsPage first start', () => {
  it('opens the form for a first connection', async () => {
    await renderPage();

    expect(screen.getByText('No connection yet. Add one to see the subscription requests that wait for you.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'New connection' })).toBeTruthy();
    expect(input('Console URL').value).toBe('');
    expect(input('Organization').value).toBe('DEFAULT');
    // Nothing to go back to yet.
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });
});

describe('OptionsPage validation', () => {
  it('reports every invalid field', async () => {
    const request = mockPermissionRequest(true);
    await renderPage();

    fireEvent.change(input('Console URL'), { target: { value: 'ftp://apim.example.org/' } });
    fireEvent.change(input('Management API URL'), { target: { value: 'api.example.org/management' } });
    fireEvent.change(input('Organization'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText(/^The console URL must be an absolute http:\/\/ or https:\/\/ address/)).toBeTruthy();
    expect(screen.getByText(/^The Management API URL must be an absolute http:\/\/ or https:\/\/ address/)).toBeTruthy();
    expect(screen.getByText("Enter the organization id. Gravitee's default organization is DEFAULT.")).toBeTruthy();
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

  it('rejects a short poll interval', async () => {
    await renderPage();

    fireEvent.change(input('Poll interval, in seconds'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));

    expect(screen.getByText('Enter a whole number of seconds from 30 to 86400 (one day).')).toBeTruthy();
    expect((await preferencesItem.getValue()).pollSeconds).toBe(60);
  });

  it('rejects a poll interval over a day', async () => {
    await renderPage();

    fireEvent.change(input('Poll interval, in seconds'), { target: { value: '99999999999999999999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));

    expect(screen.getByText('Enter a whole number of seconds from 30 to 86400 (one day).')).toBeTruthy();
    expect((await preferencesItem.getValue()).pollSeconds).toBe(60);
  });

  it('asks for the token again after a URL change', async () => {
    const request = mockPermissionRequest(true);
    await editSavedConnection();

    fireEvent.change(input('Management API URL'), { target: { value: 'https://other.example.org/management' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText(/^Paste the personal access token again, or click Remove saved token/)).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for the token again after an organization change', async () => {
    const request = mockPermissionRequest(true);
    await editSavedConnection();

    fireEvent.change(input('Organization'), { target: { value: 'ACME' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText(/^Paste the personal access token again/)).toBeTruthy();
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

  it('stores the trimmed connection and token', async () => {
    mockPermissionRequest(true);
    await renderPage();
    fillConnection();
    fireEvent.change(input('Organization'), { target: { value: ' ACME ' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    const [connection, ...others] = await connectionsItem.getValue();
    expect(others).toHaveLength(0);
    expect(connection!.id).toMatch(UUID_PATTERN);
    expect(connection).toEqual({ id: connection!.id, name: 'apim.example.org', consoleUrl: CONSOLE_URL, managementUrl: MANAGEMENT_URL, organization: 'ACME' });
    expect(await tokensItem.getValue()).toEqual({ [connection!.id]: TOKEN });
  });

  it('writes connections and tokens at once', async () => {
    mockPermissionRequest(true);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await renderPage();
    fillConnection();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');

    const writes = set.mock.calls.map(([items]) => Object.keys(items));
    expect(writes).toContainEqual(expect.arrayContaining(['connections', 'tokens']));
    expect(writes.filter((keys) => keys.includes('connections') || keys.includes('tokens'))).toHaveLength(1);
  });

  it('stores the preferences on their own', async () => {
    await renderPage();
    fireEvent.change(input('Poll interval, in seconds'), { target: { value: '90' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'nb' } });

    fireEvent.click(screen.getByRole('button', { name: 'Lagre preferansene' }));

    expect(await screen.findByText('Preferansene er lagret.')).toBeTruthy();
    expect(await preferencesItem.getValue()).toEqual({ language: 'nb', pollSeconds: 90, notifications: false });
    expect(await connectionsItem.getValue()).toEqual([]);
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
    expect(await connectionsItem.getValue()).toEqual([]);
    expect(await tokensItem.getValue()).toEqual({});
    expect(screen.queryByText('Saved.')).toBeNull();
  });

  it('keeps the saved token when the field is empty', async () => {
    mockPermissionRequest(true);
    await editSavedConnection();

    fireEvent.change(input('Name'), { target: { value: 'UiO production' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(await tokensItem.getValue()).toEqual({ [SAVED_CONNECTION.id]: TOKEN });
    expect(await connectionsItem.getValue()).toEqual([{ ...SAVED_CONNECTION, name: 'UiO production' }]);
  });

  it('uses the console session without a token', async () => {
    mockPermissionRequest(true);
    await renderPage();
    fillConnection({ token: '   ' });

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved. apim.example.org has no token, so Gatekeeper uses your console session for it.')).toBeTruthy();
    expect(await connectionsItem.getValue()).toHaveLength(1);
    expect(await tokensItem.getValue()).toEqual({});
    expect(screen.getByText(/Signs in with your console session/)).toBeTruthy();
  });
});

describe('OptionsPage token field', () => {
  it('shows that a token is saved without revealing it', async () => {
    await editSavedConnection();

    const field = await screen.findByPlaceholderText('Saved token (hidden)');

    expect((field as HTMLInputElement).value).toBe('');
    expect(field.getAttribute('type')).toBe('password');
    expect(screen.getByText(/^A token is saved\./)).toBeTruthy();
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('explains the console session', async () => {
    await renderPage();

    expect(screen.getByText(/Without a token, Gatekeeper uses your console session/)).toBeTruthy();
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
      [USER_URL]: () => json({ id: 'u-1', displayName: 'Ada Admin', email: 'ada@example.org' }),
    });
    await renderPage(fetchImpl);
    fillConnection();

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(request).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Connected as Ada Admin (ada@example.org).')).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(USER_URL);
    expect(new Headers(calls[0]!.init?.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('uses the saved token', async () => {
    mockPermissionRequest(true);
    const { fetchImpl, calls } = stubFetch({ [USER_URL]: () => json({ id: 'u-1', displayName: 'Ada Admin' }) });
    await editSavedConnection(fetchImpl);

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(await screen.findByText('Connected as Ada Admin.')).toBeTruthy();
    expect(new Headers(calls[0]!.init?.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('tests a listed connection', async () => {
    const request = mockPermissionRequest(true);
    const { fetchImpl, calls } = stubFetch({ [USER_URL]: () => json({ id: 'u-1', displayName: 'Ada Admin' }) });
    await storeSavedConnection();
    await renderPage(fetchImpl);

    fireEvent.click(await screen.findByRole('button', { name: 'Test connection to apim.example.org' }));

    expect(request).toHaveBeenCalledWith({ origins: ['https://apim.example.org/*', 'https://api.example.org/*'] });
    expect(await screen.findByText('Connected as Ada Admin.')).toBeTruthy();
    expect(new Headers(calls[0]!.init?.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('tests the console session without a token', async () => {
    mockPermissionRequest(true);
    const { fetchImpl, calls } = stubFetch({ [USER_URL]: () => json({ id: 'u-1', displayName: 'Ada Admin' }) });
    await renderPage(fetchImpl);
    fillConnection({ token: '' });

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(await screen.findByText('Connected as Ada Admin.')).toBeTruthy();
    expect(new Headers(calls[0]!.init?.headers).get('Authorization')).toBeNull();
    expect(calls[0]!.init?.credentials).toBe('include');
  });

  it('never sends the saved token to a changed URL', async () => {
    const request = mockPermissionRequest(true);
    const { fetchImpl, calls } = stubFetch({});
    await editSavedConnection(fetchImpl);

    fireEvent.change(input('Management API URL'), { target: { value: 'https://other.example.org/management' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(screen.getByText(/^Paste the personal access token again/)).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
  });

  it('shows the error sentence', async () => {
    mockPermissionRequest(true);
    const { fetchImpl } = stubFetch({ [USER_URL]: () => json({ httpStatus: 401, message: 'Unauthorized' }, 401) });
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
    await preferencesItem.setValue({ language: 'nb', pollSeconds: 60, notifications: false });
    render(<OptionsPage fetchImpl={stubFetch({}).fetchImpl} />);

    expect(await screen.findByRole('button', { name: 'Lagre preferansene' })).toBeTruthy();
    expect(document.title).toBe('Innstillinger for Gatekeeper for Gravitee');
  });
});
