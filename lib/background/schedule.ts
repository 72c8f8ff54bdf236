/** The one repeating alarm that drives polling. */
export const POLL_ALARM = 'gatekeeper-poll';

/** Makes sure the poll alarm repeats every intervalSeconds; leaves a matching alarm untouched. */
export async function schedulePolling(intervalSeconds: number): Promise<void> {
  const periodInMinutes = intervalSeconds / 60;
  const existing = await browser.alarms.get(POLL_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}
