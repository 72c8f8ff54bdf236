import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '@/components/options/OptionsPage';
import type { Connection } from '@/lib/gravitee/types';
import { connectionsItem, tokensItem } from '@/lib/storage';
import { deferred } from './fake-transport';
import { SAVED_CONNECTION, TOKEN, UUID_PATTERN, input, mockPermissionRequest, storeSavedConnection, stubFetch } from './options-helpers';

const TEST_CONNECTION: Connection = {
  id: 'conn-2',
  name: 'UiO test',
  consoleUrl: 'https://apim-test.example.org/console/',
  managementUrl: 'https://api-test.example.org/management',
  organization: 'DEFAULT',
};
const TEST_TOKEN = 'pat-test-fedcba9876543210';

async function renderPage() {
  render(<OptionsPage fetchImpl={stubFetch({}).fetchImpl} />);
  await screen.findByRole('button', { name: 'Save preferences' });
}

/** Renders the page with two stored connections, only the first with a token unless tokens are given. */
async function renderTwoConnections(tokens: Record<string, string> = {}) {
  await storeSavedConnection([TEST_CONNECTION], tokens);
  await renderPage();
  return screen.findByRole('list', { name: 'Connections' });
}

function listItem(name: string): HTMLElement {
  return screen.getByRole('listitem', { name });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('OptionsPage connection list', () => {
  it('lists the stored connections', async () => {
    const list = await renderTwoConnections();

    const items = within(list).getAllByRole('listitem');

    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('heading').textContent).toBe('apim.example.org');
    expect(items[0]!.textContent).toContain('https://apim.example.org/console/');
    expect(items[0]!.textContent).toContain('Signs in with a personal access token');
    expect(within(items[1]!).getByRole('heading').textContent).toBe('UiO test');
    expect(items[1]!.textContent).toContain('Signs in with your console session');
    // The editor stays closed until the user asks for it.
    expect(screen.queryByLabelText('Console URL')).toBeNull();
  });

  it('adds a second connection', async () => {
    mockPermissionRequest(true);
    await storeSavedConnection();
    await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    fireEvent.change(input('Name'), { target: { value: ' UiO test ' } });
    fireEvent.change(input('Console URL'), { target: { value: TEST_CONNECTION.consoleUrl } });
    fireEvent.change(input('Management API URL'), { target: { value: TEST_CONNECTION.managementUrl } });
    fireEvent.change(input('Personal access token'), { target: { value: TEST_TOKEN } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    const [first, second] = await connectionsItem.getValue();
    expect(first).toEqual(SAVED_CONNECTION);
    expect(second!.id).toMatch(UUID_PATTERN);
    expect(second).toEqual({ ...TEST_CONNECTION, id: second!.id });
    expect(await tokensItem.getValue()).toEqual({ [SAVED_CONNECTION.id]: TOKEN, [second!.id]: TEST_TOKEN });
    expect(within(screen.getByRole('list', { name: 'Connections' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('keeps the id when editing', async () => {
    mockPermissionRequest(true);
    await renderTwoConnections();

    fireEvent.click(screen.getByRole('button', { name: 'Edit UiO test' }));
    await waitFor(() => expect(input('Name').value).toBe('UiO test'));
    fireEvent.change(input('Console URL'), { target: { value: 'https://apim-test.example.org/console/next/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/^Saved\./)).toBeTruthy();
    expect(await connectionsItem.getValue()).toEqual([SAVED_CONNECTION, { ...TEST_CONNECTION, consoleUrl: 'https://apim-test.example.org/console/next/' }]);
  });

  it('requests host access before storing an edit', async () => {
    const access = deferred<boolean>();
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => access.promise);
    await renderTwoConnections();
    fireEvent.click(screen.getByRole('button', { name: 'Edit UiO test' }));
    await waitFor(() => expect(input('Name').value).toBe('UiO test'));
    fireEvent.change(input('Name'), { target: { value: 'UiO staging' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(request).toHaveBeenCalledWith({ origins: ['https://apim-test.example.org/*', 'https://api-test.example.org/*'] });
    expect((await connectionsItem.getValue())[1]!.name).toBe('UiO test');

    await act(async () => access.resolve(true));

    await waitFor(async () => expect((await connectionsItem.getValue())[1]!.name).toBe('UiO staging'));
  });

  it('cancels an edit without storing', async () => {
    await renderTwoConnections();
    fireEvent.click(screen.getByRole('button', { name: 'Edit UiO test' }));
    fireEvent.change(input('Name'), { target: { value: 'Changed' } });

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByLabelText('Name')).toBeNull();
    expect((await connectionsItem.getValue())[1]!.name).toBe('UiO test');
  });
});

describe('OptionsPage connection removal', () => {
  it('asks before removing', async () => {
    await renderTwoConnections({ [TEST_CONNECTION.id]: TEST_TOKEN });

    fireEvent.click(screen.getByRole('button', { name: 'Remove UiO test' }));

    expect(listItem('UiO test').textContent).toContain('Remove the connection UiO test? Its saved token is deleted too');
    expect(await connectionsItem.getValue()).toHaveLength(2);
  });

  it('removes the connection and its token', async () => {
    await renderTwoConnections({ [TEST_CONNECTION.id]: TEST_TOKEN });

    fireEvent.click(screen.getByRole('button', { name: 'Remove UiO test' }));
    fireEvent.click(within(listItem('UiO test')).getByRole('button', { name: 'Remove connection' }));

    expect(await screen.findByText('Removed UiO test.')).toBeTruthy();
    expect(await connectionsItem.getValue()).toEqual([SAVED_CONNECTION]);
    expect(await tokensItem.getValue()).toEqual({ [SAVED_CONNECTION.id]: TOKEN });
    expect(within(screen.getByRole('list', { name: 'Connections' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('keeps the connection on cancel', async () => {
    await renderTwoConnections({ [TEST_CONNECTION.id]: TEST_TOKEN });

    fireEvent.click(screen.getByRole('button', { name: 'Remove UiO test' }));
    fireEvent.click(within(listItem('UiO test')).getByRole('button', { name: 'Cancel' }));

    expect(within(listItem('UiO test')).getByRole('button', { name: 'Remove UiO test' })).toBeTruthy();
    expect(await connectionsItem.getValue()).toHaveLength(2);
    expect(await tokensItem.getValue()).toEqual({ [SAVED_CONNECTION.id]: TOKEN, [TEST_CONNECTION.id]: TEST_TOKEN });
  });

  it('offers Add after the last removal', async () => {
    await storeSavedConnection();
    await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Remove apim.example.org' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove connection' }));

    expect(await screen.findByText('No connection yet. Add one to see the subscription requests that wait for you.')).toBeTruthy();
    expect(await tokensItem.getValue()).toEqual({});
    expect(screen.getByRole('button', { name: 'Add connection' })).toBeTruthy();
  });
});

describe('OptionsPage connection names', () => {
  it('uses the console host by default', async () => {
    await renderPage();

    fireEvent.change(input('Console URL'), { target: { value: 'https://apim.example.org:8443/console/' } });

    expect(input('Name').placeholder).toBe('apim.example.org:8443');
  });

  it('rejects a name in use', async () => {
    const request = mockPermissionRequest(true);
    await renderTwoConnections();
    fireEvent.click(screen.getByRole('button', { name: 'Edit UiO test' }));
    await waitFor(() => expect(input('Name').value).toBe('UiO test'));

    fireEvent.change(input('Name'), { target: { value: 'APIM.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText('Another connection already has this name. Choose a name that tells them apart.')).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });

  it('rejects a second connection to one organization', async () => {
    const request = mockPermissionRequest(true);
    await storeSavedConnection();
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Add connection' }));

    fireEvent.change(input('Name'), { target: { value: 'Copy' } });
    fireEvent.change(input('Console URL'), { target: { value: SAVED_CONNECTION.consoleUrl } });
    fireEvent.change(input('Management API URL'), { target: { value: `${SAVED_CONNECTION.managementUrl}/` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText('Another connection already uses this Management API URL and organization. Edit that connection instead.')).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });
});

describe('OptionsPage saved token removal', () => {
  it('switches the connection to the console session', async () => {
    mockPermissionRequest(true);
    await storeSavedConnection();
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Edit apim.example.org' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Remove saved token' }));
    expect(screen.getByText(/^The saved token is deleted when you click Save/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved. apim.example.org has no token, so Gatekeeper uses your console session for it.')).toBeTruthy();
    expect(await tokensItem.getValue()).toEqual({});
    expect(await connectionsItem.getValue()).toEqual([SAVED_CONNECTION]);
  });

  it('allows a changed URL without the old token', async () => {
    mockPermissionRequest(true);
    await storeSavedConnection();
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Edit apim.example.org' }));

    fireEvent.change(await screen.findByLabelText('Management API URL'), { target: { value: 'https://other.example.org/management' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove saved token' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/^Saved\. apim\.example\.org has no token/)).toBeTruthy();
    expect(await tokensItem.getValue()).toEqual({});
    expect((await connectionsItem.getValue())[0]!.managementUrl).toBe('https://other.example.org/management');
  });

  it('keeps the token when the removal is undone', async () => {
    mockPermissionRequest(true);
    await storeSavedConnection();
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Edit apim.example.org' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Remove saved token' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep saved token' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(await tokensItem.getValue()).toEqual({ [SAVED_CONNECTION.id]: TOKEN });
  });
});

describe('OptionsPage policy connections', () => {
  const POLICY_CONNECTION: Connection = {
    id: 'managed-0a1b2c3d',
    name: 'UiO policy',
    consoleUrl: 'https://apim-policy.example.org/console/',
    managementUrl: 'https://api-policy.example.org/management',
    organization: 'UIO',
    managed: true,
  };

  it('offers no removal', async () => {
    await storeSavedConnection([POLICY_CONNECTION]);
    await renderPage();

    const item = listItem('UiO policy');

    expect(item.textContent).toContain('Set by your administrator. You can change only its token.');
    expect(within(item).queryByRole('button', { name: 'Remove UiO policy' })).toBeNull();
    expect(within(item).getByRole('button', { name: 'Edit UiO policy' })).toBeTruthy();
  });

  it('stores only a new token', async () => {
    mockPermissionRequest(true);
    await storeSavedConnection([POLICY_CONNECTION]);
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Edit UiO policy' }));
    await waitFor(() => expect(input('Console URL').value).toBe(POLICY_CONNECTION.consoleUrl));

    expect(input('Console URL').readOnly).toBe(true);
    expect(input('Management API URL').readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Detect from console' })).toBeNull();
    fireEvent.change(input('Personal access token'), { target: { value: TEST_TOKEN } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(await connectionsItem.getValue()).toEqual([SAVED_CONNECTION, POLICY_CONNECTION]);
    expect((await tokensItem.getValue())[POLICY_CONNECTION.id]).toBe(TEST_TOKEN);
  });
});
