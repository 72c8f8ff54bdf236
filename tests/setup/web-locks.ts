// happy-dom has no Web Locks API, which the background worker uses to share one poll between
// callers. This in-process stand-in implements the two modes the worker uses: wait, and ifAvailable.
type Callback = (lock: { name: string } | null) => unknown;

function createLockManager() {
  const tails = new Map<string, Promise<unknown>>();
  const held = new Set<string>();

  async function request(name: string, optionsOrCallback: { ifAvailable?: boolean } | Callback, maybeCallback?: Callback) {
    const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback) as Callback;
    if (options.ifAvailable && held.has(name)) return callback(null);

    const previous = tails.get(name) ?? Promise.resolve();
    const run = previous.then(async () => {
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    });
    tails.set(name, run.catch(() => undefined));
    held.add(name);
    return run;
  }

  return { request };
}

if (typeof navigator.locks?.request !== 'function') {
  Object.defineProperty(navigator, 'locks', { value: createLockManager(), configurable: true });
}
