// The `notifications` permission is optional in the manifest, so Gatekeeper requests it only
// when the user turns desktop notifications on.

/** Requests the notifications permission. Must be called directly in a user input handler. */
export function requestNotificationPermission(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['notifications'] });
}

/** Returns whether the notifications permission is granted. Returns true when the check fails, so no false alarm is shown. */
export async function hasNotificationPermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['notifications'] });
  } catch (error) {
    console.warn('[options] could not check the notifications permission', error);
    return true;
  }
}

/** Removes the notifications permission after the user turned notifications off. A failure only leaves it granted. */
export async function releaseNotificationPermission(): Promise<void> {
  try {
    await browser.permissions.remove({ permissions: ['notifications'] });
  } catch (error) {
    console.warn('[options] could not remove the notifications permission', error);
  }
}
