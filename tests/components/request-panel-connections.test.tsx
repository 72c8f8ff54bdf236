import { act, fireEvent, render, screen, within, waitFor } from '@testing-library/react';
import { RequestPanel } from '@/components/RequestPanel';
import { errorMessages } from '@/lib/i18n/errors';
import type { PollSnapshot } from '@/lib/messages';
import { FakeTransport } from './fake-transport';
import { HOUR_MS, NOW, fixedClock, makeConnectionSnapshot, makeRequest, makeSubscription } from './fixtures';

const PROD_ID = 'conn-prod';
const TEST_ID = 'conn-test';

function prodRequest(overrides: Parameters<typeof makeRequest>[0] = {}) {
  return makeRequest({ connectionId: PROD_ID, subscriptionId: 'sub-prod', applicationName: 'Prod App', createdAt: NOW.getTime() - 2 * HOUR_MS, ...overrides });
}

function testRequest(overrides: Parameters<typeof makeRequest>[0] = {}) {
  return makeRequest({ connectionId: TEST_ID, subscriptionId: 'sub-test', applicationName: 'Test App', createdAt: NOW.getTime() - 5 * HOUR_MS, ...overrides });
}

/** Builds two connections, production and test, each with one request. Overrides apply per connection. */
function twoConnections(
  prod: Parameters<typeof makeConnectionSnapshot>[0] = {},
  test: Parameters<typeof makeConnectionSnapshot>[0] = {},
): PollSnapshot {
  return {
    connections: [
      makeConnectionSnapshot({
        connectionId: PROD_ID,
        connectionName: 'UiO production',
        consoleUrl: 'https://apim.uio.example/console/',
        requests: [prodRequest()],
        ...prod,
      }),
      makeConnectionSnapshot({
        connectionId: TEST_ID,
        connectionName: 'UiO test',
        consoleUrl: 'https://apim-test.uio.example/console/',
        requests: [testRequest()],
        ...test,
      }),
    ],
  };
}

function renderPanel(snapshot: PollSnapshot, transport = new FakeTransport(snapshot)) {
  const view = render(<RequestPanel transport={transport} language="en" now={fixedClock} />);
  return { transport, ...view };
}

/** Waits for the rows and for their presets, which Accept needs before it is enabled. */
async function findRows(): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name: 'Pending subscription requests' });
  await waitFor(() => expect(screen.queryAllByText('Reading your validity presets…')).toHaveLength(0));
  return within(list).getAllByRole('listitem');
}

function factValue(row: HTMLElement, term: string): string | null {
  const dt = within(row).queryByText(term, { selector: 'dt' });
  return dt?.nextElementSibling?.textContent ?? null;
}

describe('RequestPanel with two connections', () => {
  it('merges rows oldest first', async () => {
    renderPanel(twoConnections());

    const rows = await findRows();

    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('heading').textContent).toContain('Test App');
    expect(within(rows[1]!).getByRole('heading').textContent).toContain('Prod App');
    expect(screen.getByText('2 waiting')).toBeTruthy();
  });

  it('names the connection of each row', async () => {
    renderPanel(twoConnections());

    const [testRow, prodRow] = await findRows();

    expect(factValue(testRow!, 'Connection')).toBe('UiO test');
    expect(factValue(prodRow!, 'Connection')).toBe('UiO production');
    expect(factValue(prodRow!, 'Environment')).toBe('DEFAULT');
    expect(within(prodRow!).getByRole('button', { name: 'Accept Prod App → Student Records API (Gold) in UiO production' })).toBeTruthy();
  });

  it('links each row to its own console', async () => {
    renderPanel(twoConnections());

    const [testRow, prodRow] = await findRows();

    expect(within(testRow!).getByRole('link').getAttribute('href')).toBe('https://apim-test.uio.example/console/#!/DEFAULT/apis/api-1/subscriptions/sub-test');
    expect(within(prodRow!).getByRole('link').getAttribute('href')).toBe('https://apim.uio.example/console/#!/DEFAULT/apis/api-1/subscriptions/sub-prod');
  });

  it('links in the route form of each console version', async () => {
    renderPanel(twoConnections({ routeStyle: 'environments' }, { routeStyle: 'environments-singular' }));

    const [testRow, prodRow] = await findRows();

    expect(within(testRow!).getByRole('link').getAttribute('href')).toBe('https://apim-test.uio.example/console/#!/environments/DEFAULT/apis/api-1/subscription/sub-test');
    expect(within(prodRow!).getByRole('link').getAttribute('href')).toBe('https://apim.uio.example/console/#!/environments/DEFAULT/apis/api-1/subscriptions/sub-prod');
  });

  it('names the connection in notices', async () => {
    const { transport } = renderPanel(twoConnections());
    const [, prodRow] = await findRows();

    fireEvent.click(within(prodRow!).getByRole('button', { name: /^Accept / }));
    await act(async () => transport.acceptCalls[0]!.result.resolve({ ok: true, subscription: makeSubscription() }));

    expect(transport.acceptCalls[0]!.request.connectionId).toBe(PROD_ID);
    expect(screen.getByRole('status').textContent).toContain('Accepted Prod App → Student Records API (Gold) in UiO production.');
  });

  it('keeps rows apart when subscription ids repeat', async () => {
    const { transport } = renderPanel(twoConnections({ requests: [prodRequest({ subscriptionId: 'same' })] }, { requests: [testRequest({ subscriptionId: 'same' })] }));
    const [testRow] = await findRows();

    fireEvent.click(within(testRow!).getByRole('button', { name: /^Accept / }));
    await act(async () => transport.acceptCalls[0]!.result.resolve({ ok: true, subscription: makeSubscription({ id: 'same' }) }));

    const rows = await findRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('Prod App');
  });

  it('leaves out the connection when there is one', async () => {
    renderPanel({ connections: [makeConnectionSnapshot()] });

    const [row] = await findRows();

    expect(factValue(row!, 'Connection')).toBeNull();
    expect(within(row!).getByRole('button', { name: 'Accept Canvas LMS → Student Records API (Gold)' })).toBeTruthy();
  });

  it('says nothing is waiting when both are empty', async () => {
    renderPanel(twoConnections({ requests: [] }, { requests: [] }));

    expect(await screen.findByText('No subscription requests are waiting.')).toBeTruthy();
    expect(screen.getByText('0 waiting')).toBeTruthy();
  });
});

describe('RequestPanel with one failing connection', () => {
  it('still shows the rows of the other', async () => {
    renderPanel(twoConnections({}, { status: 'error', error: { kind: 'network' }, requests: [], lastSuccessAt: null }));

    const rows = await findRows();

    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('Prod App');
    expect(rows[0]!.textContent).not.toContain('Possibly out of date');
    expect(screen.getByText(`UiO test: ${errorMessages.en['error.network']}`)).toBeTruthy();
    expect(screen.getByText('UiO test: No check has succeeded yet, so the number of waiting requests is unknown.')).toBeTruthy();
  });

  it('counts only the current rows', async () => {
    renderPanel(twoConnections({}, { status: 'error', error: { kind: 'server', status: 503 } }));

    const rows = await findRows();

    expect(rows).toHaveLength(2);
    expect(screen.getByText('At least 1 waiting')).toBeTruthy();
    expect(screen.queryByText('2 waiting')).toBeNull();
  });

  it('marks its last known rows', async () => {
    const lastSuccessAt = new Date(2026, 2, 10, 9, 15).getTime();
    renderPanel(twoConnections({}, { status: 'error', error: { kind: 'server', status: 503 }, lastSuccessAt }));

    const [testRow, prodRow] = await findRows();

    expect(testRow!.textContent).toContain('Possibly out of date');
    expect(prodRow!.textContent).not.toContain('Possibly out of date');
    expect(screen.getByText('UiO test: Requests marked as possibly out of date are from the last successful check, at 9:15 AM.')).toBeTruthy();
  });

  it('never reads as empty', async () => {
    renderPanel(twoConnections({ requests: [] }, { status: 'error', error: { kind: 'timeout' }, requests: [], lastSuccessAt: null }));

    expect(await screen.findByText(`UiO test: ${errorMessages.en['error.timeout']}`)).toBeTruthy();
    expect(screen.queryByText('No subscription requests are waiting.')).toBeNull();
    expect(screen.queryByText(/waiting$/)).toBeNull();
  });

  it('hides the rows of a connection without access', async () => {
    renderPanel(twoConnections({}, { status: 'permission-missing' }));

    const rows = await findRows();

    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('Prod App');
    expect(screen.getByText(/^UiO test: Gatekeeper has no access to the Gravitee hosts of this connection\./)).toBeTruthy();
  });
});

describe('RequestPanel requests in flight elsewhere', () => {
  const prodKey = `${PROD_ID}:sub-prod`;

  it('disables the buttons with a note', async () => {
    const transport = new FakeTransport(twoConnections());
    transport.inFlight = { [prodKey]: { type: 'reject', since: NOW.getTime() - 5_000 } };
    renderPanel(transport.snapshot, transport);

    const [testRow, prodRow] = await findRows();

    expect(within(prodRow!).getByRole('button', { name: /^Accept / })).toHaveProperty('disabled', true);
    expect(within(prodRow!).getByRole('button', { name: /^Reject / })).toHaveProperty('disabled', true);
    expect(prodRow!.textContent).toContain('Being handled in another tab or window…');
    expect(within(testRow!).getByRole('button', { name: /^Accept / })).toHaveProperty('disabled', false);
    expect(testRow!.textContent).not.toContain('Being handled');
  });

  it('enables the buttons when the mark goes', async () => {
    const transport = new FakeTransport(twoConnections());
    transport.inFlight = { [prodKey]: { type: 'accept', since: NOW.getTime() - 5_000 } };
    renderPanel(transport.snapshot, transport);
    const [, prodRow] = await findRows();

    act(() => transport.publishInFlight({}));

    expect(within(prodRow!).getByRole('button', { name: /^Accept / })).toHaveProperty('disabled', false);
    expect(prodRow!.textContent).not.toContain('Being handled');
  });

  it('ignores a mark older than two minutes', async () => {
    const transport = new FakeTransport(twoConnections());
    transport.inFlight = { [prodKey]: { type: 'accept', since: NOW.getTime() - 3 * 60_000 } };
    renderPanel(transport.snapshot, transport);

    const [, prodRow] = await findRows();

    expect(within(prodRow!).getByRole('button', { name: /^Accept / })).toHaveProperty('disabled', false);
    expect(prodRow!.textContent).not.toContain('Being handled');
  });

  it('does not call its own action elsewhere', async () => {
    const { transport } = renderPanel(twoConnections());
    const [, prodRow] = await findRows();

    fireEvent.click(within(prodRow!).getByRole('button', { name: /^Accept / }));
    act(() => transport.publishInFlight({ [prodKey]: { type: 'accept', since: NOW.getTime() } }));

    expect(prodRow!.textContent).not.toContain('Being handled');
    expect(within(prodRow!).getByRole('button', { name: /^Accept / }).textContent).toBe('Sending…');
  });

  it('keeps the row when the background refused', async () => {
    const { transport } = renderPanel(twoConnections());
    const [, prodRow] = await findRows();

    fireEvent.click(within(prodRow!).getByRole('button', { name: /^Accept / }));
    await act(async () =>
      transport.acceptCalls[0]!.result.resolve({
        ok: false,
        error: { kind: 'bad-request', serverMessage: 'This request is already being handled in another tab or window.' },
        inProgressElsewhere: true,
      }),
    );

    expect(await findRows()).toHaveLength(2);
    expect(within(prodRow!).getByRole('alert').textContent).toContain('Another tab or window is already sending a decision on this request, so nothing was sent.');
    expect(within(prodRow!).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(transport.pollNowCount).toBe(0);
  });

  it('stops watching on unmount', async () => {
    const { transport, unmount } = renderPanel(twoConnections());
    await findRows();
    expect(transport.inFlightListenerCount).toBe(1);

    unmount();

    expect(transport.inFlightListenerCount).toBe(0);
  });
});

describe('RequestPanel retry after a failed accept', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resends the period it showed', async () => {
    let current = new Date(NOW);
    const transport = new FakeTransport({ connections: [makeConnectionSnapshot()] });
    // Fake timers before render, so the panel's clock interval is a fake one.
    vi.useFakeTimers();
    await act(async () => {
      render(<RequestPanel transport={transport} language="en" now={() => current} />);
    });
    fireEvent.click(screen.getByRole('button', { name: /^Accept / }));
    await act(async () => transport.acceptCalls[0]!.result.resolve({ ok: false, error: { kind: 'server', status: 502 } }));
    const sent = transport.acceptCalls[0]!.validity;

    current = new Date(NOW.getTime() + HOUR_MS);
    act(() => vi.advanceTimersByTime(30_000));

    const row = screen.getByRole('listitem');
    expect(row.textContent).toContain('Waiting 4 hours');
    expect(row.textContent).toContain('Accepting gives access from Mar 10, 2026, 2:00 PM');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(transport.acceptCalls).toHaveLength(2);
    expect(transport.acceptCalls[1]!.validity.startingAt.getTime()).toBe(sent.startingAt.getTime());
    expect(transport.acceptCalls[1]!.validity.endingAt?.getTime()).toBe(sent.endingAt?.getTime());
  });
});
