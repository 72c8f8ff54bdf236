import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '@/components/options/OptionsPage';
import { preferencesItem } from '@/lib/storage';
import { deferred } from './fake-transport';
import { stubFetch } from './options-helpers';

const LABEL = 'Desktop notifications';

async function renderPage() {
  render(<OptionsPage fetchImpl={stubFetch({}).fetchImpl} />);
  await screen.findByRole('button', { name: 'Save preferences' });
  return screen.getByRole('checkbox', { name: LABEL }) as HTMLInputElement;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('OptionsPage desktop notifications', () => {
  it('requests the permission in the change', async () => {
    const access = deferred<boolean>();
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => access.promise);
    const checkbox = await renderPage();
    expect(checkbox.checked).toBe(false);

    fireEvent.click(checkbox);

    // Called inside the input event itself, with no await in between.
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect((await preferencesItem.getValue()).notifications).toBe(false);

    await act(async () => access.resolve(true));

    expect(await screen.findByText('Desktop notifications are on.')).toBeTruthy();
    expect(checkbox.checked).toBe(true);
    expect((await preferencesItem.getValue()).notifications).toBe(true);
  });

  it('reverts the box when refused', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    const checkbox = await renderPage();

    fireEvent.click(checkbox);

    expect(await screen.findByText(/^The browser did not allow notifications, so they stay off\./)).toBeTruthy();
    expect(checkbox.checked).toBe(false);
    expect((await preferencesItem.getValue()).notifications).toBe(false);
  });

  it('reverts the box when the request fails', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => {
      throw new Error('This function must be called during a user gesture');
    });
    const checkbox = await renderPage();

    fireEvent.click(checkbox);

    expect(screen.getByText('The browser could not ask for permission to show notifications. Reload this page and try again.')).toBeTruthy();
    expect(checkbox.checked).toBe(false);
  });

  it('stores the change alone', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    await preferencesItem.setValue({ language: 'en', pollSeconds: 120, notifications: false });
    const checkbox = await renderPage();
    fireEvent.change(screen.getByLabelText('Poll interval, in seconds'), { target: { value: '300' } });

    fireEvent.click(checkbox);

    await screen.findByText('Desktop notifications are on.');
    // The unsaved poll interval stays unsaved until Save preferences.
    expect(await preferencesItem.getValue()).toEqual({ language: 'en', pollSeconds: 120, notifications: true });
  });

  it('turns off and gives the permission back', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    await preferencesItem.setValue({ language: 'en', pollSeconds: 60, notifications: true });
    const checkbox = await renderPage();
    expect(checkbox.checked).toBe(true);

    fireEvent.click(checkbox);

    expect(await screen.findByText('Desktop notifications are off.')).toBeTruthy();
    expect(checkbox.checked).toBe(false);
    expect((await preferencesItem.getValue()).notifications).toBe(false);
    await waitFor(() => expect(remove).toHaveBeenCalledWith({ permissions: ['notifications'] }));
  });

  it('says when the browser took the permission back', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    await preferencesItem.setValue({ language: 'en', pollSeconds: 60, notifications: true });

    const checkbox = await renderPage();

    expect(checkbox.checked).toBe(false);
    expect(screen.getByText('Notifications were turned on, but the browser no longer allows them. Turn them on again to allow them.')).toBeTruthy();
  });
});
