/** The one repeating alarm that drives polling. */
export const POLL_ALARM = 'gatekeeper-poll';

/**
 * Makes the poll alarm repeat every intervalSeconds, or removes it when there is nothing to poll.
 * A matching alarm is left untouched, so its next firing does not move with every poll.
 */
export async function schedulePolling(intervalSeconds: number | null): Promise<void> {
  if (intervalSeconds === null) {
    await browser.alarms.clear(POLL_ALARM);
    return;
  }
  const periodInMinutes = intervalSeconds / 60;
  const existing = await browser.alarms.get(POLL_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}
