// The `notifications` permission is optional in the manifest, so Gatekeeper asks for it only
// when the user turns desktop notifications on.

/** Asks the browser for the notifications permission. Must be called directly in a user input handler. */
export function requestNotificationPermission(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['notifications'] });
}

/** Returns whether the notifications permission is granted; true when the browser cannot tell, so no false alarm is shown. */
export async function hasNotificationPermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['notifications'] });
  } catch (error) {
    console.warn('[options] could not check the notifications permission', error);
    return true;
  }
}

/** Gives the notifications permission back after the user turned notifications off; a failure only leaves it granted. */
export async function releaseNotificationPermission(): Promise<void> {
  try {
    await browser.permissions.remove({ permissions: ['notifications'] });
  } catch (error) {
    console.warn('[options] could not remove the notifications permission', error);
  }
}
