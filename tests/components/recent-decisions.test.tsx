import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RequestPanel } from '@/components/RequestPanel';
import type { SubscriptionDetails } from '@/lib/gravitee/types';
import { errorMessages } from '@/lib/i18n/errors';
import type { RecentDecision } from '@/lib/storage';
import { FakeTransport } from './fake-transport';
import { HOUR_MS, NOW, fixedClock, makeRequest, makeSnapshot, makeSubscription } from './fixtures';

// NOW is 10 March 2026, 14:00 local time. The accepted subscription ends on 10 March 2027.
const CURRENT_END = new Date(2027, 2, 10, 23, 59, 59, 999);
const SUMMARY = 'Canvas LMS → Student Records API (Gold)';

function details(overrides: Partial<SubscriptionDetails> = {}): SubscriptionDetails {
  return { ...makeSubscription({ endingAt: CURRENT_END.toISOString() }), planName: 'Gold', planSecurity: 'API_KEY', ...overrides };
}

function decision(overrides: Partial<RecentDecision> = {}): RecentDecision {
  return { request: makeRequest(), decision: 'accept', at: NOW.getTime() - HOUR_MS, subscription: makeSubscription({ endingAt: CURRENT_END.toISOString() }), ...overrides };
}

function renderPanel(decisions: RecentDecision[]) {
  const transport = new FakeTransport(makeSnapshot({ requests: [] }));
  transport.recent = decisions;
  render(<RequestPanel transport={transport} language="en" now={fixedClock} />);
  return transport;
}

/** Expands the list and returns its entries. */
async function openList(): Promise<HTMLElement[]> {
  fireEvent.click(await screen.findByRole('button', { name: /^Recently handled/ }));
  const list = screen.getByRole('list', { name: 'Subscription requests recently handled through Gatekeeper' });
  return within(list).getAllByRole('listitem');
}

/** Opens "Change end date" and resolves the subscription read with `subscription`. */
async function openChange(transport: FakeTransport, subscription = details()) {
  const [item] = await openList();
  await waitFor(() => expect(transport.presetReads.length).toBeGreaterThan(0));
  fireEvent.click(within(item!).getByRole('button', { name: `Change the end date of ${SUMMARY}` }));
  await act(async () => transport.subscriptionCalls[0]!.result.resolve({ ok: true, subscription }));
  return item!;
}

function choose(label: string | RegExp) {
  const select = screen.getByRole('combobox', { name: 'New end date' }) as HTMLSelectElement;
  const option = within(select).getByRole('option', { name: label }) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: option.value } });
}

describe('Recently handled list', () => {
  it('stays hidden without decisions', async () => {
    renderPanel([]);
    await screen.findByText('No subscription requests are waiting.');

    expect(screen.queryByRole('button', { name: /^Recently handled/ })).toBeNull();
  });

  it('starts collapsed with a count', async () => {
    renderPanel([decision(), decision({ request: makeRequest({ subscriptionId: 'sub-2' }), decision: 'reject' })]);

    const toggle = await screen.findByRole('button', { name: 'Recently handled (2)' });

    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list', { name: /recently handled/ })).toBeNull();
  });

  it('lists decisions with their end', async () => {
    renderPanel([decision(), decision({ request: makeRequest({ subscriptionId: 'sub-2', applicationName: 'Alumni' }), decision: 'reject', subscription: makeSubscription({ status: 'REJECTED' }) })]);

    const [accepted, rejected] = await openList();

    expect(accepted!.textContent).toContain(SUMMARY);
    expect(accepted!.textContent).toContain('Accepted Mar 10, 2026, 1:00 PM');
    expect(accepted!.textContent).toContain('Ends Mar 10, 2027, 11:59 PM');
    expect(rejected!.textContent).toContain('Alumni → Student Records API (Gold)');
    expect(rejected!.textContent).toContain('Rejected Mar 10, 2026, 1:00 PM');
    expect(within(rejected!).queryByRole('button', { name: /Change the end date/ })).toBeNull();
  });

  it('follows new decisions', async () => {
    const transport = renderPanel([decision()]);
    await screen.findByRole('button', { name: 'Recently handled (1)' });

    act(() => transport.publishRecent([decision({ request: makeRequest({ subscriptionId: 'sub-9' }) }), decision()]));

    expect(screen.getByRole('button', { name: 'Recently handled (2)' })).toBeTruthy();
  });
});

describe('Change end date', () => {
  it('reads the subscription first', async () => {
    const transport = renderPanel([decision({ request: makeRequest({ environmentId: 'env-1', referenceType: 'API_PRODUCT', apiId: 'product-1' }) })]);
    const [item] = await openList();

    fireEvent.click(within(item!).getByRole('button', { name: /Change the end date/ }));

    expect(screen.getByText('Reading the subscription…')).toBeTruthy();
    expect(transport.subscriptionCalls[0]!.target).toEqual({
      connectionId: 'conn-1',
      environmentId: 'env-1',
      referenceType: 'API_PRODUCT',
      apiId: 'product-1',
      subscriptionId: 'sub-1',
    });
  });

  it('warns that API keys expire', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport);

    choose(/^30 days/);

    expect(item.textContent).toContain('This shortens the subscription: its API keys expire at the new end date');
  });

  it('warns without keys for other plans', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport, details({ planSecurity: 'JWT' }));

    choose(/^30 days/);

    expect(item.textContent).toContain('This shortens the subscription: the application loses access at the new end date.');
    expect(item.textContent).not.toContain('API keys expire');
  });

  it('does not warn when extending', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport, details({ endingAt: new Date(2026, 4, 1).toISOString() }));

    choose(/^1 year/);

    expect(item.textContent).not.toContain('This shortens');
    expect(item.textContent).not.toContain('This removes');
  });

  it('warns before removing the end', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport);

    choose('No end date');

    expect(item.textContent).toContain('This removes the end date: the subscription never ends.');
  });

  it('sends the confirmed preset end', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport);
    choose(/^30 days/);

    fireEvent.click(within(item).getByRole('button', { name: 'Continue' }));
    expect(item.textContent).toContain(`Change the end date of ${SUMMARY} to Apr 9, 2026, 11:59 PM`);
    expect(transport.changeEndDateCalls).toHaveLength(0);
    fireEvent.click(within(item).getByRole('button', { name: 'Change end date' }));

    expect(transport.changeEndDateCalls).toHaveLength(1);
    expect(transport.changeEndDateCalls[0]!.endingAt?.getTime()).toBe(new Date(2026, 3, 9, 23, 59, 59, 999).getTime());
    expect(transport.changeEndDateCalls[0]!.target.subscriptionId).toBe('sub-1');
  });

  it('shows the stored end after success', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport);
    choose(/^30 days/);
    fireEvent.click(within(item).getByRole('button', { name: 'Continue' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Change end date' }));

    // Gravitee may store another instant than the one sent; the panel shows what it stored.
    const stored = new Date(2026, 3, 10, 8, 15);
    await act(async () => transport.changeEndDateCalls[0]!.result.resolve({ ok: true, subscription: details({ endingAt: stored.toISOString() }) }));

    expect(within(item).getByRole('status').textContent).toContain('The end date is changed: Apr 10, 2026, 8:15 AM');
    expect(item.textContent).toContain('Ends Apr 10, 2026, 8:15 AM');
  });

  it('removes the end date', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport);
    choose('No end date');
    fireEvent.click(within(item).getByRole('button', { name: 'Continue' }));

    expect(item.textContent).toContain(`Remove the end date of ${SUMMARY}, so that the subscription never ends?`);
    expect(item.textContent).toContain('This removes the end date');
    fireEvent.click(within(item).getByRole('button', { name: 'Change end date' }));
    await act(async () => transport.changeEndDateCalls[0]!.result.resolve({ ok: true, subscription: details({ endingAt: null }) }));

    expect(transport.changeEndDateCalls[0]!.endingAt).toBeNull();
    expect(within(item).getByRole('status').textContent).toBe('The end date is removed.');
  });

  it('sends a typed date', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport);
    choose('Another date');
    fireEvent.change(screen.getByLabelText('End date and time'), { target: { value: '2026-12-24T12:00' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Continue' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Change end date' }));

    expect(transport.changeEndDateCalls[0]!.endingAt?.getTime()).toBe(new Date(2026, 11, 24, 12, 0).getTime());
  });

  it('rejects a past date', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport);
    choose('Another date');

    fireEvent.change(screen.getByLabelText('End date and time'), { target: { value: '2026-03-01T12:00' } });

    expect(item.textContent).toContain('Choose an end date in the future.');
    expect(within(item).getByRole('button', { name: 'Continue' })).toHaveProperty('disabled', true);
  });

  it('rejects a date before the start', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport, details({ startingAt: new Date(2026, 5, 1).toISOString() }));
    choose('Another date');

    fireEvent.change(screen.getByLabelText('End date and time'), { target: { value: '2026-05-01T12:00' } });

    expect(item.textContent).toContain('Choose an end date after the start of the subscription.');
    expect(within(item).getByRole('button', { name: 'Continue' })).toHaveProperty('disabled', true);
  });

  it('reports a change Gravitee ignored', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport);
    choose(/^30 days/);
    fireEvent.click(within(item).getByRole('button', { name: 'Continue' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Change end date' }));

    const detail = 'PUT answered 200, but endingAt is still 2027-03-10T22:59:59.999Z.';
    await act(async () => transport.changeEndDateCalls[0]!.result.resolve({ ok: false, error: { kind: 'not-applied', serverMessage: detail } }));

    const alert = within(item).getByRole('alert');
    expect(alert.textContent).toContain('Gravitee answered that the change was saved, but the subscription does not show it');
    expect(alert.textContent).toContain(detail);
    expect(within(item).getByRole('button', { name: 'Change end date' })).toHaveProperty('disabled', false);
  });

  it('reports a subscription Gravitee will not update', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport);
    choose(/^30 days/);
    fireEvent.click(within(item).getByRole('button', { name: 'Continue' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Change end date' }));

    const message = 'Subscription [sub-1] is not updatable.';
    await act(async () =>
      transport.changeEndDateCalls[0]!.result.resolve({ ok: false, error: { kind: 'bad-request', status: 400, technicalCode: 'subscription.notUpdatable', serverMessage: message } }),
    );

    expect(within(item).getByRole('alert').textContent).toBe(errorMessages.en['error.bad-request'].replace('{status}', '400').replace('{detail}', message));
  });

  it('names the technical code without a message', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport);
    choose(/^30 days/);
    fireEvent.click(within(item).getByRole('button', { name: 'Continue' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Change end date' }));

    await act(async () => transport.changeEndDateCalls[0]!.result.resolve({ ok: false, error: { kind: 'bad-request', status: 400, technicalCode: 'subscription.notUpdatable' } }));

    expect(within(item).getByRole('alert').textContent).toContain('(HTTP 400): subscription.notUpdatable');
  });

  it('refuses a closed subscription', async () => {
    const transport = renderPanel([decision()]);
    const item = await openChange(transport, details({ status: 'CLOSED' }));

    expect(within(item).getByRole('alert').textContent).toContain('This subscription is CLOSED, so its end date cannot be changed.');
    expect(screen.queryByRole('combobox', { name: 'New end date' })).toBeNull();
  });

  it('offers a retry after a failed read', async () => {
    const transport = renderPanel([decision()]);
    const [item] = await openList();
    fireEvent.click(within(item!).getByRole('button', { name: /Change the end date/ }));
    await act(async () => transport.subscriptionCalls[0]!.result.resolve({ ok: false, error: { kind: 'network' } }));

    expect(within(item!).getByRole('alert').textContent).toContain(errorMessages.en['error.network']);
    fireEvent.click(within(item!).getByRole('button', { name: 'Try again' }));

    expect(transport.subscriptionCalls).toHaveLength(2);
  });
});
