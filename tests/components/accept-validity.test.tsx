import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RequestPanel } from '@/components/RequestPanel';
import { builtinPresets, defaultPresetSettings } from '@/lib/presets/builtins';
import type { PresetSettings } from '@/lib/presets/model';
import { deferred, FakeTransport } from './fake-transport';
import { CONNECTION_ID, HOUR_MS, NOW, fixedClock, makeRequest, makeSnapshot } from './fixtures';

// NOW is 10 March 2026, 14:00 local time, and the request's plan is "Gold".
const endOfDay = (year: number, monthIndex: number, day: number) => new Date(year, monthIndex, day, 23, 59, 59, 999);

const goldRule: PresetSettings = {
  ...defaultPresetSettings(),
  rules: [{ id: 'gold', field: 'plan', match: 'name-pattern', value: 'Gold*', presetId: 'builtin-6-months' }],
};

function renderPanel(settings?: PresetSettings, transport = new FakeTransport(makeSnapshot())) {
  if (settings) transport.presets.set(CONNECTION_ID, settings);
  render(<RequestPanel transport={transport} language="en" now={fixedClock} />);
  return transport;
}

async function findRow(): Promise<HTMLElement> {
  const list = await screen.findByRole('list', { name: 'Pending subscription requests' });
  await waitFor(() => expect(screen.queryByText('Reading your validity presets…')).toBeNull());
  return within(list).getByRole('listitem');
}

function acceptButton() {
  return screen.getByRole('button', { name: /^Accept / });
}

function openPicker() {
  fireEvent.click(screen.getByRole('button', { name: 'Choose the validity period for Canvas LMS → Student Records API (Gold)' }));
  return screen.getByRole('group', { name: 'Validity period' });
}

function chooseCustom() {
  const picker = openPicker();
  fireEvent.click(within(picker).getByRole('radio', { name: 'Custom period' }));
  return picker;
}

describe('Accept with presets', () => {
  it('names the default preset', async () => {
    renderPanel();
    const row = await findRow();

    expect(row.textContent).toContain('1 year — Default preset for this connection');
    expect(row.textContent).toContain('to Mar 10, 2027, 11:59 PM');
  });

  it('names the rule that matched', async () => {
    renderPanel(goldRule);
    const row = await findRow();

    expect(row.textContent).toContain('6 months — Rule 1: the plan name matches Gold*');
    expect(row.textContent).toContain('to Sep 10, 2026, 11:59 PM');
  });

  it('sends the rule period', async () => {
    const transport = renderPanel(goldRule);
    await findRow();

    fireEvent.click(acceptButton());

    const { validity } = transport.acceptCalls[0]!;
    expect(validity.startingAt.getTime()).toBe(NOW.getTime());
    expect(validity.endingAt?.getTime()).toBe(endOfDay(2026, 8, 10).getTime());
  });

  it('waits for the presets', async () => {
    const transport = new FakeTransport(makeSnapshot());
    const pending = deferred<PresetSettings>();
    transport.presetSettings = () => pending.promise;
    render(<RequestPanel transport={transport} language="en" now={fixedClock} />);

    expect(await screen.findByText('Reading your validity presets…')).toBeTruthy();
    expect(acceptButton()).toHaveProperty('disabled', true);

    await act(async () => pending.resolve(goldRule));
    expect(acceptButton()).toHaveProperty('disabled', false);
    expect(screen.getByText('6 months — Rule 1: the plan name matches Gold*')).toBeTruthy();
  });

  it('offers built-ins after a failed read', async () => {
    const transport = new FakeTransport(makeSnapshot());
    transport.presetSettings = () => Promise.reject(new Error('storage unavailable'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(<RequestPanel transport={transport} language="en" now={fixedClock} />);

    expect(await screen.findByText(/could not read your validity presets/)).toBeTruthy();
    expect(screen.getByText('1 year — Default preset for this connection')).toBeTruthy();
    expect(acceptButton()).toHaveProperty('disabled', false);
  });

  it('reads the presets once per connection', async () => {
    const transport = new FakeTransport(makeSnapshot({ requests: [makeRequest(), makeRequest({ subscriptionId: 'sub-2' })] }));
    renderPanel(undefined, transport);
    await screen.findAllByText('1 year — Default preset for this connection');

    expect(transport.presetReads).toEqual([CONNECTION_ID]);
  });

  it('follows a change of the rules', async () => {
    const transport = renderPanel();
    await findRow();

    await act(async () => transport.publishPresets(CONNECTION_ID, goldRule));

    expect(await screen.findByText('6 months — Rule 1: the plan name matches Gold*')).toBeTruthy();
  });
});

describe('Accept split control', () => {
  it('lists every preset with its end', async () => {
    renderPanel(goldRule);
    await findRow();

    const picker = openPicker();
    const labels = within(picker).getAllByRole('radio').map((radio) => radio.parentElement?.textContent);

    expect(labels).toHaveLength(builtinPresets().length + 1);
    expect(labels).toContain('30 days (until Apr 9, 2026, 11:59 PM)');
    expect(labels).toContain('6 months (until Sep 10, 2026, 11:59 PM), suggested');
    expect(labels).toContain('No end date (no end date)');
    expect(within(picker).getByRole('radio', { name: /6 months/ })).toHaveProperty('checked', true);
  });

  it('sends another preset as shown', async () => {
    const transport = renderPanel(goldRule);
    const row = await findRow();

    fireEvent.click(within(openPicker()).getByRole('radio', { name: /^30 days/ }));
    expect(row.textContent).toContain('30 days — chosen here');
    expect(row.textContent).toContain('Accepting gives access from Mar 10, 2026, 2:00 PM');
    expect(row.textContent).toContain('to Apr 9, 2026, 11:59 PM');
    fireEvent.click(acceptButton());

    const { validity } = transport.acceptCalls[0]!;
    expect(validity.startingAt.getTime()).toBe(NOW.getTime());
    expect(validity.endingAt?.getTime()).toBe(endOfDay(2026, 3, 9).getTime());
  });

  it('sends no end for the open preset', async () => {
    const transport = renderPanel();
    const row = await findRow();

    fireEvent.click(within(openPicker()).getByRole('radio', { name: /^No end date/ }));
    fireEvent.click(acceptButton());

    expect(row.textContent).toContain('with no end date');
    expect(transport.acceptCalls[0]!.validity.endingAt).toBeNull();
  });

  it('keeps the chosen preset for retry', async () => {
    const transport = renderPanel();
    const row = await findRow();
    fireEvent.click(within(openPicker()).getByRole('radio', { name: /^90 days/ }));
    fireEvent.click(acceptButton());

    await act(async () => transport.acceptCalls[0]!.result.resolve({ ok: false, error: { kind: 'timeout' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(row.textContent).toContain('90 days — chosen here');
    expect(row.textContent).toContain('The period of the failed attempt is kept for Try again.');
    expect(transport.acceptCalls).toHaveLength(2);
    expect(transport.acceptCalls[1]!.validity).toEqual(transport.acceptCalls[0]!.validity);
    expect(transport.acceptCalls[1]!.validity.endingAt?.getTime()).toBe(endOfDay(2026, 5, 8).getTime());
  });
});

describe('Accept custom range', () => {
  function fill(label: string, value: string) {
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  }

  it('sends the typed dates', async () => {
    const transport = renderPanel();
    const row = await findRow();
    chooseCustom();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Start when I accept' }));
    fill('Start', '2026-03-12T09:00');
    fill('End', '2026-06-30T17:30');
    fireEvent.click(acceptButton());

    expect(row.textContent).toContain('Custom period — chosen here');
    const { validity } = transport.acceptCalls[0]!;
    expect(validity.startingAt.getTime()).toBe(new Date(2026, 2, 12, 9, 0).getTime());
    expect(validity.endingAt?.getTime()).toBe(new Date(2026, 5, 30, 17, 30).getTime());
  });

  it('starts now by default', async () => {
    const transport = renderPanel();
    await findRow();
    chooseCustom();

    fill('End', '2026-04-01T12:00');
    fireEvent.click(acceptButton());

    const { validity } = transport.acceptCalls[0]!;
    expect(validity.startingAt.getTime()).toBe(NOW.getTime());
    expect(validity.endingAt?.getTime()).toBe(new Date(2026, 3, 1, 12, 0).getTime());
  });

  it('sends no end when asked', async () => {
    const transport = renderPanel();
    await findRow();
    chooseCustom();

    fireEvent.click(screen.getByRole('checkbox', { name: 'No end date' }));
    fireEvent.click(acceptButton());

    expect(screen.getByLabelText('End')).toHaveProperty('disabled', true);
    expect(transport.acceptCalls[0]!.validity.endingAt).toBeNull();
  });

  it('states every problem', async () => {
    const transport = renderPanel();
    const row = await findRow();
    chooseCustom();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Start when I accept' }));
    fill('Start', '2026-03-09T09:00');
    fill('End', '2026-03-08T09:00');
    fireEvent.click(acceptButton());

    expect(row.textContent).toContain('The start is in the past. Choose the current minute or a later time.');
    expect(row.textContent).toContain('The end is not after the start. Choose a later end date.');
    expect(row.textContent).toContain('The end is in the past, so the subscription would end at once. Choose a future end date.');
    expect(row.textContent).not.toContain('Accepting gives access');
    expect(acceptButton()).toHaveProperty('disabled', true);
    expect(transport.acceptCalls).toHaveLength(0);
  });

  it('rejects an empty end', async () => {
    renderPanel();
    const row = await findRow();
    chooseCustom();

    fill('End', '');

    expect(row.textContent).toContain('The end is not a valid date. Enter a date and time, or choose no end date.');
    expect(acceptButton()).toHaveProperty('disabled', true);
  });

  it('shows the time zone', async () => {
    renderPanel();
    const row = await findRow();
    chooseCustom();

    expect(row.textContent).toContain(`Times are in your time zone, ${Intl.DateTimeFormat().resolvedOptions().timeZone}.`);
  });

  it('checks again at the click', async () => {
    let current = new Date(NOW);
    const transport = new FakeTransport(makeSnapshot());
    render(<RequestPanel transport={transport} language="en" now={() => current} />);
    const row = await findRow();
    chooseCustom();
    fill('End', '2026-03-10T14:30');

    // The end passes while the panel's clock has not ticked yet.
    current = new Date(NOW.getTime() + HOUR_MS);
    fireEvent.click(acceptButton());

    expect(within(row).getByRole('alert').textContent).toContain('The end is in the past');
    expect(transport.acceptCalls).toHaveLength(0);
  });

  it('offers no retry after a closed plan', async () => {
    const transport = renderPanel();
    const row = await findRow();
    fireEvent.click(acceptButton());

    const closed = { kind: 'bad-request' as const, status: 400, technicalCode: 'plan.closed', serverMessage: 'The plan is closed.' };
    await act(async () => transport.acceptCalls[0]!.result.resolve({ ok: false, error: closed }));

    expect(row.textContent).toContain('The plan is closed.');
    expect(within(row).queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});
