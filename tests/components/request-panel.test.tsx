import { act, fireEvent, render, screen, within, waitFor } from '@testing-library/react';
import { RequestPanel } from '@/components/RequestPanel';
import { errorMessages } from '@/lib/i18n/errors';
import type { Language } from '@/lib/i18n';
import { FakeTransport } from './fake-transport';
import { HOUR_MS, NOW, fixedClock, makeRequest, makeSnapshot, makeSubscription } from './fixtures';
import type { PollSnapshot } from '@/lib/messages';

function renderPanel(snapshot: PollSnapshot, language: Language = 'en') {
  const transport = new FakeTransport(snapshot);
  const view = render(<RequestPanel transport={transport} language={language} now={fixedClock} />);
  return { transport, ...view };
}

/** Waits for the rows and for their presets, which Accept needs before it is enabled. */
async function findRows(): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name: 'Pending subscription requests' });
  await waitFor(() => expect(screen.queryAllByText('Reading your validity presets…')).toHaveLength(0));
  return within(list).getAllByRole('listitem');
}

describe('RequestPanel rows', () => {
  it('lists requests oldest first', async () => {
    renderPanel(
      makeSnapshot({
        requests: [
          makeRequest({ subscriptionId: 'new', applicationName: 'Newest App', createdAt: NOW.getTime() - 1 * HOUR_MS }),
          makeRequest({ subscriptionId: 'old', applicationName: 'Oldest App', createdAt: NOW.getTime() - 50 * HOUR_MS }),
          makeRequest({ subscriptionId: 'mid', applicationName: 'Middle App', createdAt: NOW.getTime() - 5 * HOUR_MS }),
        ],
      }),
    );

    const rows = await findRows();

    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByRole('heading').textContent).toContain('Oldest App');
    expect(within(rows[1]!).getByRole('heading').textContent).toContain('Middle App');
    expect(within(rows[2]!).getByRole('heading').textContent).toContain('Newest App');
  });

  it('shows the fields of a request', async () => {
    renderPanel(makeSnapshot({ requests: [makeRequest({ environmentId: 'env-prod' })] }));

    const [row] = await findRows();
    const text = row!.textContent ?? '';

    expect(text).toContain('Canvas LMS');
    expect(text).toContain('Student Records API');
    expect(text).toContain('Gold');
    expect(text).toContain('env-prod');
    expect(text).toContain('We need grades for the spring term.');
    expect(text).toContain('Waiting 3 hours');
  });

  it('says when the consumer wrote no message', async () => {
    renderPanel(makeSnapshot({ requests: [makeRequest({ consumerMessage: null, environmentId: null })] }));

    const [row] = await findRows();

    expect(row!.textContent).toContain('The consumer wrote no message.');
    expect(row!.textContent).toContain('not given');
  });

  it('links each request to the console', async () => {
    renderPanel(
      makeSnapshot({
        requests: [
          makeRequest({ subscriptionId: 'sub-a', apiId: 'api-a', environmentId: 'env-1', createdAt: 1 }),
          makeRequest({ subscriptionId: 'sub-b', apiId: 'prod-b', referenceType: 'API_PRODUCT', environmentId: null, createdAt: 2 }),
        ],
      }),
    );

    const [apiRow, productRow] = await findRows();
    const apiLink = within(apiRow!).getByRole('link');
    const productLink = within(productRow!).getByRole('link');

    expect(apiLink.getAttribute('href')).toBe('https://apim.example.org/console/#!/env-1/apis/api-a/subscriptions/sub-a');
    expect(apiLink.getAttribute('target')).toBe('_blank');
    expect(apiLink.getAttribute('rel')).toContain('noopener');
    expect(productLink.getAttribute('href')).toBe('https://apim.example.org/console/#!/DEFAULT/api-products/prod-b/consumers/subscriptions/sub-b');
  });

  it('shows requests published after mount', async () => {
    const { transport } = renderPanel(makeSnapshot({ requests: [] }));
    await screen.findByText('No subscription requests are waiting.');

    act(() => transport.publish(makeSnapshot({ requests: [makeRequest({ applicationName: 'Late App' })] })));

    const [row] = await findRows();
    expect(row!.textContent).toContain('Late App');
    expect(screen.queryByText('No subscription requests are waiting.')).toBeNull();
  });

  it('unsubscribes on unmount', async () => {
    const { transport, unmount } = renderPanel(makeSnapshot());
    await findRows();
    expect(transport.listenerCount).toBe(1);

    unmount();

    expect(transport.listenerCount).toBe(0);
  });
});

describe('RequestPanel accept', () => {
  it('shows the dates it will send', async () => {
    renderPanel(makeSnapshot());

    const [row] = await findRows();

    // Default validity: from now until the end of the same day one year later, in local time.
    expect(row!.textContent).toContain('Accepting gives access from Mar 10, 2026, 2:00 PM');
    expect(row!.textContent).toContain('to Mar 10, 2027, 11:59 PM');
  });

  it('sends the validity shown', async () => {
    const { transport } = renderPanel(makeSnapshot());
    await findRows();

    fireEvent.click(screen.getByRole('button', { name: 'Accept Canvas LMS → Student Records API (Gold)' }));

    expect(transport.acceptCalls).toHaveLength(1);
    const { request, validity } = transport.acceptCalls[0]!;
    expect(request.subscriptionId).toBe('sub-1');
    expect(validity.startingAt.getTime()).toBe(NOW.getTime());
    expect(validity.endingAt?.getTime()).toBe(new Date(2027, 2, 10, 23, 59, 59, 999).getTime());
  });

  it('disables both buttons while in flight', async () => {
    const { transport } = renderPanel(makeSnapshot());
    await findRows();
    const acceptButton = screen.getByRole('button', { name: /^Accept / });
    const rejectButton = screen.getByRole('button', { name: /^Reject / });

    fireEvent.click(acceptButton);
    fireEvent.click(acceptButton);
    fireEvent.click(rejectButton);

    expect(acceptButton).toHaveProperty('disabled', true);
    expect(rejectButton).toHaveProperty('disabled', true);
    expect(transport.acceptCalls).toHaveLength(1);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('removes the row on success', async () => {
    const { transport } = renderPanel(
      makeSnapshot({ requests: [makeRequest(), makeRequest({ subscriptionId: 'sub-2', applicationName: 'Other App' })] }),
    );
    await findRows();

    fireEvent.click(screen.getByRole('button', { name: 'Accept Canvas LMS → Student Records API (Gold)' }));
    await act(async () => transport.acceptCalls[0]!.result.resolve({ ok: true, subscription: makeSubscription() }));

    const rows = await findRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('Other App');
    expect(screen.getByRole('status').textContent).toContain('Accepted Canvas LMS → Student Records API (Gold).');
    expect(screen.getByText('1 waiting')).toBeTruthy();
  });

  it('keeps the row and shows the error on failure', async () => {
    const { transport } = renderPanel(makeSnapshot());
    await findRows();

    fireEvent.click(screen.getByRole('button', { name: /^Accept / }));
    await act(async () => transport.acceptCalls[0]!.result.resolve({ ok: false, error: { kind: 'server', status: 502 } }));

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Gravitee had an internal error (HTTP 502).');
    expect(await findRows()).toHaveLength(1);
    expect(screen.getByRole('button', { name: /^Accept / })).toHaveProperty('disabled', false);
  });

  it('retries after a failure', async () => {
    const { transport } = renderPanel(makeSnapshot());
    await findRows();
    fireEvent.click(screen.getByRole('button', { name: /^Accept / }));
    await act(async () => transport.acceptCalls[0]!.result.resolve({ ok: false, error: { kind: 'timeout' } }));

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(transport.acceptCalls).toHaveLength(2);
    expect(transport.acceptCalls[1]!.request.subscriptionId).toBe('sub-1');
  });

  it('reports a transport that throws', async () => {
    const { transport } = renderPanel(makeSnapshot());
    await findRows();

    fireEvent.click(screen.getByRole('button', { name: /^Accept / }));
    await act(async () => transport.acceptCalls[0]!.result.reject(new Error('Extension context invalidated.')));

    expect(screen.getByRole('alert').textContent).toContain('Gatekeeper could not reach its background service.');
    expect(await findRows()).toHaveLength(1);
  });
});

describe('RequestPanel timers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hides a confirmation after a while', async () => {
    const { transport } = renderPanel(makeSnapshot());
    await findRows();
    vi.useFakeTimers();

    fireEvent.click(screen.getByRole('button', { name: /^Accept / }));
    await act(async () => transport.acceptCalls[0]!.result.resolve({ ok: true, subscription: makeSubscription() }));
    expect(screen.getByRole('status').textContent).toContain('Accepted Canvas LMS');

    act(() => vi.advanceTimersByTime(8_000));

    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('updates wait time and offered dates', async () => {
    let current = new Date(NOW);
    const transport = new FakeTransport(makeSnapshot());
    // Fake timers before render, so the panel's clock interval is a fake one.
    vi.useFakeTimers();
    await act(async () => {
      render(<RequestPanel transport={transport} language="en" now={() => current} />);
    });
    const row = screen.getByRole('listitem');
    expect(row.textContent).toContain('Waiting 3 hours');

    current = new Date(NOW.getTime() + HOUR_MS);
    act(() => vi.advanceTimersByTime(30_000));

    expect(row.textContent).toContain('Waiting 4 hours');
    expect(row.textContent).toContain('Accepting gives access from Mar 10, 2026, 3:00 PM');
    fireEvent.click(screen.getByRole('button', { name: /^Accept / }));
    expect(transport.acceptCalls[0]!.validity.startingAt.getTime()).toBe(current.getTime());
  });
});

describe('RequestPanel already processed', () => {
  it('says someone else handled it and polls again', async () => {
    const { transport } = renderPanel(makeSnapshot());
    transport.nextPoll = makeSnapshot({ requests: [] });
    await findRows();

    fireEvent.click(screen.getByRole('button', { name: /^Accept / }));
    await act(async () =>
      transport.acceptCalls[0]!.result.resolve({
        ok: false,
        error: { kind: 'already-processed', status: 400 },
        current: makeSubscription({ status: 'REJECTED' }),
      }),
    );

    expect(transport.pollNowCount).toBe(1);
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Someone else has already handled Canvas LMS → Student Records API (Gold).');
    expect(status.textContent).toContain('Its status is now REJECTED.');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('works without the current subscription', async () => {
    const { transport } = renderPanel(makeSnapshot());
    await findRows();

    fireEvent.click(screen.getByRole('button', { name: /^Reject / }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'No.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reject request' }));
    await act(async () => transport.rejectCalls[0]!.result.resolve({ ok: false, error: { kind: 'already-processed' } }));

    expect(transport.pollNowCount).toBe(1);
    expect(screen.getByRole('status').textContent).toContain('Someone else has already handled');
    expect(screen.getByRole('status').textContent).not.toContain('status is now');
  });
});

describe('RequestPanel reject', () => {
  async function openRejectForm() {
    await findRows();
    fireEvent.click(screen.getByRole('button', { name: 'Reject Canvas LMS → Student Records API (Gold)' }));
    return screen.getByRole('textbox', { name: 'Reason for the rejection (required)' });
  }

  it('refuses a blank message', async () => {
    const { transport } = renderPanel(makeSnapshot());
    const textbox = await openRejectForm();

    fireEvent.change(textbox, { target: { value: '   \n ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    expect(screen.getByText('Write a reason for the rejection before you continue.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reject request' })).toBeNull();
    expect(transport.rejectCalls).toHaveLength(0);
  });

  it('asks for confirmation before sending', async () => {
    const { transport } = renderPanel(makeSnapshot());
    const textbox = await openRejectForm();

    fireEvent.change(textbox, { target: { value: 'Use the Bronze plan.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    const [row] = await findRows();
    expect(row!.textContent).toContain('This cannot be undone');
    expect(row!.textContent).toContain('Gravitee emails your message to the consumer');
    expect(transport.rejectCalls).toHaveLength(0);
  });

  it('sends the trimmed message', async () => {
    const { transport } = renderPanel(makeSnapshot());
    const textbox = await openRejectForm();

    fireEvent.change(textbox, { target: { value: '  Use the Bronze plan.\n ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reject request' }));

    expect(transport.rejectCalls).toHaveLength(1);
    expect(transport.rejectCalls[0]!.reason).toBe('Use the Bronze plan.');
    expect(transport.rejectCalls[0]!.request.subscriptionId).toBe('sub-1');
  });

  it('keeps the message after a failure', async () => {
    const { transport } = renderPanel(makeSnapshot());
    const textbox = await openRejectForm();
    fireEvent.change(textbox, { target: { value: 'Use the Bronze plan.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reject request' }));

    await act(async () => transport.rejectCalls[0]!.result.resolve({ ok: false, error: { kind: 'forbidden', status: 403 } }));

    expect(screen.getByRole('alert').textContent).toContain(errorMessages.en['error.forbidden']);
    expect(await findRows()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Edit message' }));
    expect(screen.getByRole('textbox')).toHaveProperty('value', 'Use the Bronze plan.');
  });

  it('retries with the same message', async () => {
    const { transport } = renderPanel(makeSnapshot());
    const textbox = await openRejectForm();
    fireEvent.change(textbox, { target: { value: 'Use the Bronze plan.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reject request' }));
    await act(async () => transport.rejectCalls[0]!.result.resolve({ ok: false, error: { kind: 'network' } }));

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(transport.rejectCalls).toHaveLength(2);
    expect(transport.rejectCalls[1]!.reason).toBe('Use the Bronze plan.');
  });

  it('disables the confirm button while in flight', async () => {
    const { transport } = renderPanel(makeSnapshot());
    const textbox = await openRejectForm();
    fireEvent.change(textbox, { target: { value: 'Use the Bronze plan.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const confirm = screen.getByRole('button', { name: 'Reject request' });

    fireEvent.click(confirm);
    fireEvent.click(confirm);

    expect(confirm).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: /^Accept / })).toHaveProperty('disabled', true);
    expect(transport.rejectCalls).toHaveLength(1);
  });

  it('removes the row on success', async () => {
    const { transport } = renderPanel(makeSnapshot());
    const textbox = await openRejectForm();
    fireEvent.change(textbox, { target: { value: 'Use the Bronze plan.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reject request' }));

    await act(async () => transport.rejectCalls[0]!.result.resolve({ ok: true, subscription: makeSubscription({ status: 'REJECTED' }) }));

    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Rejected Canvas LMS → Student Records API (Gold).');
  });
});

describe('RequestPanel status', () => {
  const noRequests = 'No subscription requests are waiting.';

  it('says so when nothing is waiting', async () => {
    renderPanel(makeSnapshot({ requests: [] }));

    expect(await screen.findByText(noRequests)).toBeTruthy();
    expect(screen.getByText('0 waiting')).toBeTruthy();
  });

  it('never reads as empty after a failed first poll', async () => {
    renderPanel(makeSnapshot({ status: 'error', requests: [], lastSuccessAt: null, error: { kind: 'network' } }));

    expect(await screen.findByText(errorMessages.en['error.network'])).toBeTruthy();
    expect(screen.getByText('No check has succeeded yet, so the number of waiting requests is unknown.')).toBeTruthy();
    expect(screen.queryByText(noRequests)).toBeNull();
    expect(screen.queryByText(/waiting$/)).toBeNull();
  });

  it('gives the time of the last success after a failure', async () => {
    const lastSuccessAt = new Date(2026, 2, 10, 9, 15).getTime();
    renderPanel(makeSnapshot({ status: 'error', requests: [], lastSuccessAt, error: { kind: 'server', status: 503 } }));

    expect(await screen.findByText('The last successful check, at 9:15 AM, found 0 waiting requests.')).toBeTruthy();
    expect(screen.getByText(/HTTP 503/)).toBeTruthy();
    expect(screen.queryByText(noRequests)).toBeNull();
  });

  it('keeps the last known rows after a failure', async () => {
    const lastSuccessAt = new Date(2026, 2, 10, 9, 15).getTime();
    renderPanel(makeSnapshot({ status: 'error', lastSuccessAt, error: { kind: 'unauthorized', status: 401 }, nextPollAt: null }));

    const [row] = await findRows();
    expect(row!.textContent).toContain('Possibly out of date');
    expect(screen.getByText('Requests marked as possibly out of date are from the last successful check, at 9:15 AM.')).toBeTruthy();
    expect(screen.getByText(errorMessages.en['error.unauthorized'])).toBeTruthy();
    expect(screen.getByText('Gatekeeper stopped checking until the settings change or you click Refresh.')).toBeTruthy();
    // Rows of a failed poll are not counted as waiting.
    expect(screen.queryByText(/waiting$/)).toBeNull();
  });

  it('does not call a retried failure paused', async () => {
    renderPanel(makeSnapshot({ status: 'error', error: { kind: 'network' }, nextPollAt: NOW.getTime() + 60_000 }));

    expect(await screen.findByText(errorMessages.en['error.network'])).toBeTruthy();
    expect(screen.queryByText(/stopped checking/)).toBeNull();
  });

  it('fills in the detail of a bad request', async () => {
    renderPanel(makeSnapshot({ status: 'error', lastSuccessAt: null, error: { kind: 'bad-request', status: 400, serverMessage: 'Invalid organization or environment' } }));

    expect(await screen.findByText('Gravitee rejected the request (HTTP 400): Invalid organization or environment')).toBeTruthy();
  });

  it('never reads as empty before the first poll', async () => {
    renderPanel(makeSnapshot({ status: 'never-polled', requests: [], lastSuccessAt: null, lastAttemptAt: null }));

    expect(await screen.findByText('Gatekeeper has not checked Gravitee yet. Click Refresh to check now.')).toBeTruthy();
    expect(screen.queryByText(noRequests)).toBeNull();
  });

  it('marks an old success as out of date', async () => {
    const lastSuccessAt = NOW.getTime() - 10 * 60 * 1000;
    renderPanel(makeSnapshot({ lastSuccessAt, intervalSeconds: 60 }));

    expect(
      await screen.findByText(
        'The last successful check was at 1:50 PM, so requests marked as possibly out of date may have been handled since. Click Refresh to check now.',
      ),
    ).toBeTruthy();
    const [row] = await findRows();
    expect(row!.textContent).toContain('Possibly out of date');
    expect(screen.queryByText(/waiting$/)).toBeNull();
  });

  it('keeps rows current for two intervals', async () => {
    // The panel follows the badge, which calls a count stale only after STALE_AFTER_INTERVALS (3) intervals.
    renderPanel(makeSnapshot({ lastSuccessAt: NOW.getTime() - 150_000, intervalSeconds: 60 }));

    const [row] = await findRows();
    expect(row!.textContent).not.toContain('Possibly out of date');
    expect(screen.getByText('1 waiting')).toBeTruthy();
  });

  it('does not call an old empty list empty', async () => {
    renderPanel(makeSnapshot({ requests: [], lastSuccessAt: NOW.getTime() - 10 * 60 * 1000, intervalSeconds: 60 }));

    expect(await screen.findByText('The last successful check, at 1:50 PM, found 0 waiting requests.')).toBeTruthy();
    expect(screen.queryByText(noRequests)).toBeNull();
  });

  it('explains a missing setup', async () => {
    renderPanel({ connections: [] });

    expect(await screen.findByText('Gatekeeper has no Gravitee connection yet. Open the Gatekeeper options and add one.')).toBeTruthy();
    expect(screen.queryByText(noRequests)).toBeNull();
  });

  it('explains a missing permission', async () => {
    renderPanel(makeSnapshot({ status: 'permission-missing' }));

    expect(await screen.findByText(/Gatekeeper has no access to the Gravitee hosts/)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('counts unreadable requests', async () => {
    renderPanel(makeSnapshot({ malformedCount: 2 }));

    expect(await screen.findByText("2 requests could not be read. Open the task list in the console to see them.")).toBeTruthy();
  });

  it('refreshes on request', async () => {
    const { transport } = renderPanel(makeSnapshot({ requests: [] }));
    transport.nextPoll = makeSnapshot({ requests: [makeRequest({ applicationName: 'Fresh App' })] });
    await screen.findByText(noRequests);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Refresh' })));

    expect(transport.pollNowCount).toBe(1);
    const [row] = await findRows();
    expect(row!.textContent).toContain('Fresh App');
  });

  it('reports an unreachable background', async () => {
    const transport = new FakeTransport(makeSnapshot());
    transport.getSnapshot = () => Promise.reject(new Error('Could not establish connection.'));

    render(<RequestPanel transport={transport} language="en" now={fixedClock} />);

    expect(await screen.findByText(/Gatekeeper could not reach its background service/)).toBeTruthy();
    expect(screen.queryByText(noRequests)).toBeNull();
  });
});

describe('RequestPanel in Norwegian', () => {
  it('renders Norwegian strings', async () => {
    renderPanel(makeSnapshot(), 'nb');

    const [row] = await findRowsNb();
    const text = row!.textContent ?? '';

    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Abonnementsforespørsler');
    expect(screen.getByText('1 venter')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Oppdater' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Godkjenn Canvas LMS → Student Records API (Gold)' })).toBeTruthy();
    expect(text).toContain('Har ventet 3 timer');
    expect(text).toContain('Godkjenning gir tilgang fra 10. mars 2026 14:00');
    expect(text).toContain('til 10. mars 2027 23:59');
    expect(text).toContain('1 år — Standard forhåndsinnstilling for denne tilkoblingen');
    expect(text).toContain('Miljø');
  });

  it('shows Norwegian error sentences', async () => {
    renderPanel(makeSnapshot({ status: 'error', requests: [], lastSuccessAt: null, error: { kind: 'network' } }), 'nb');

    expect(await screen.findByText(errorMessages.nb['error.network'])).toBeTruthy();
    expect(screen.getByText('Ingen sjekk har lyktes ennå, så antallet ventende forespørsler er ukjent.')).toBeTruthy();
  });

  async function findRowsNb(): Promise<HTMLElement[]> {
    const list = await screen.findByRole('list', { name: 'Ventende abonnementsforespørsler' });
    await waitFor(() => expect(screen.queryAllByText('Leser forhåndsinnstillingene for gyldighet …')).toHaveLength(0));
    return within(list).getAllByRole('listitem');
  }
});
