import { act, fireEvent, render, screen, within, waitFor } from '@testing-library/react';
import { PopupPage } from '@/components/popup/PopupPage';
import type { PollSnapshot } from '@/lib/messages';
import { FakeTransport } from './fake-transport';
import { fixedClock, makeConnectionSnapshot, makeRequest, makeSubscription } from './fixtures';

function renderPopup(snapshot: PollSnapshot, openOptions = vi.fn(() => Promise.resolve())) {
  const transport = new FakeTransport(snapshot);
  render(<PopupPage transport={transport} language="en" openOptions={openOptions} now={fixedClock} />);
  return { transport, openOptions };
}

function links(): HTMLElement {
  return screen.getByRole('navigation', { name: 'Gatekeeper links' });
}

const twoConnections: PollSnapshot = {
  connections: [
    makeConnectionSnapshot({ connectionId: 'conn-prod', connectionName: 'UiO production', consoleUrl: 'https://apim.uio.example/console/', requests: [] }),
    makeConnectionSnapshot({
      connectionId: 'conn-test',
      connectionName: 'UiO test',
      consoleUrl: 'https://apim-test.uio.example/console/',
      requests: [makeRequest({ connectionId: 'conn-test' })],
    }),
  ],
};

describe('PopupPage', () => {
  it('renders the request panel', async () => {
    renderPopup(twoConnections);

    const list = await screen.findByRole('list', { name: 'Pending subscription requests' });

    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Subscription requests');
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('1 waiting')).toBeTruthy();
  });

  it('links to each console in a new tab', async () => {
    renderPopup(twoConnections);
    await screen.findByRole('list');

    const prod = within(links()).getByRole('link', { name: 'Open the UiO production console' });
    const test = within(links()).getByRole('link', { name: 'Open the UiO test console' });

    expect(prod.getAttribute('href')).toBe('https://apim.uio.example/console/');
    expect(prod.getAttribute('target')).toBe('_blank');
    expect(prod.getAttribute('rel')).toContain('noopener');
    expect(test.getAttribute('href')).toBe('https://apim-test.uio.example/console/');
  });

  it('says Open console for one connection', async () => {
    renderPopup({ connections: [makeConnectionSnapshot()] });
    await screen.findByRole('list');

    expect(within(links()).getByRole('link', { name: 'Open console' }).getAttribute('href')).toBe('https://apim.example.org/console/#!/DEFAULT/home');
  });

  it('opens the options', async () => {
    const { openOptions } = renderPopup(twoConnections);
    await screen.findByRole('list');

    fireEvent.click(within(links()).getByRole('button', { name: 'Options' }));

    expect(openOptions).toHaveBeenCalledTimes(1);
  });

  it('reports options that did not open', async () => {
    renderPopup(twoConnections, vi.fn(() => Promise.reject(new Error('No options page'))));
    await screen.findByRole('list');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    await act(async () => fireEvent.click(within(links()).getByRole('button', { name: 'Options' })));

    expect(screen.getByRole('alert').textContent).toContain('The browser could not open the Gatekeeper options.');
  });

  it('leads to the options without connections', async () => {
    const { openOptions } = renderPopup({ connections: [] });

    expect(await screen.findByText('Gatekeeper has no Gravitee connection yet. Open the Gatekeeper options and add one.')).toBeTruthy();
    expect(within(links()).queryAllByRole('link')).toHaveLength(0);
    fireEvent.click(within(links()).getByRole('button', { name: 'Open options to add a connection' }));
    expect(openOptions).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('No subscription requests are waiting.')).toBeNull();
  });

  it('accepts through the transport', async () => {
    const { transport } = renderPopup(twoConnections);
    await screen.findByRole('list');
    // Accept stays disabled until the row's presets are read.
    await waitFor(() => expect(screen.getByRole('button', { name: /^Accept / })).toHaveProperty('disabled', false));

    fireEvent.click(screen.getByRole('button', { name: /^Accept / }));
    await act(async () => transport.acceptCalls[0]!.result.resolve({ ok: true, subscription: makeSubscription() }));

    expect(transport.acceptCalls[0]!.request.connectionId).toBe('conn-test');
    expect(screen.getByRole('status').textContent).toContain('Accepted Canvas LMS → Student Records API (Gold) in UiO test.');
    expect(screen.queryByRole('list')).toBeNull();
  });
});

describe('PopupPage recently handled', () => {
  it('offers end date changes', async () => {
    const transport = new FakeTransport(twoConnections);
    transport.recent = [{ request: makeRequest({ connectionId: 'conn-test' }), decision: 'accept', at: fixedClock().getTime(), subscription: makeSubscription() }];
    render(<PopupPage transport={transport} language="en" openOptions={vi.fn(() => Promise.resolve())} now={fixedClock} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Recently handled (1)' }));

    expect(screen.getByRole('button', { name: 'Change the end date of Canvas LMS → Student Records API (Gold) in UiO test' })).toBeTruthy();
  });
});
