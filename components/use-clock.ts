import { useEffect, useRef, useState } from 'react';

/** Returns `clock()`, read again every `intervalMs`, so wait times and offered dates stay current. */
export function useClock(clock: () => Date, intervalMs: number): Date {
  const [now, setNow] = useState(clock);
  // Kept in a ref so that a caller passing a new function on each render does not restart the timer.
  const latestClock = useRef(clock);
  useEffect(() => {
    latestClock.current = clock;
  });

  useEffect(() => {
    const timer = setInterval(() => setNow(latestClock.current()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);

  return now;
}
