/**
 * Runs task under an exclusive Web Lock, shared by every context of the extension. When the lock is
 * held and ifBusy is 'skip', returns null without running. Without the Web Locks API (old test
 * environments) the task just runs.
 */
export async function withLock<T>(name: string, ifBusy: 'wait' | 'skip', task: () => Promise<T>): Promise<T | null> {
  const locks = globalThis.navigator?.locks;
  if (typeof locks?.request !== 'function') return task();
  if (ifBusy === 'wait') return locks.request(name, task);
  return locks.request(name, { ifAvailable: true }, (lock) => (lock ? task() : null));
}
