import { useCallback, useEffect, useRef, useState } from 'react';
import type { PollSnapshot } from '@/lib/messages';
import type { RequestTransport } from '@/lib/transport';

export interface PollSnapshotState {
  /** Null until the first snapshot arrives. */
  snapshot: PollSnapshot | null;
  /** True when the transport itself failed, so nothing is known about Gravitee. */
  transportFailed: boolean;
  refreshing: boolean;
  /** Asks the background to poll now and shows the snapshot it returns. */
  refresh(): Promise<void>;
}

/** Loads the background's snapshot once, then follows its updates until unmount. */
export function usePollSnapshot(transport: RequestTransport): PollSnapshotState {
  const [snapshot, setSnapshot] = useState<PollSnapshot | null>(null);
  const [transportFailed, setTransportFailed] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  // An update can arrive before getSnapshot() resolves. The update is newer, so the initial read
  // must not overwrite it.
  const updated = useRef(false);

  useEffect(() => {
    let active = true;
    updated.current = false;
    const unsubscribe = transport.subscribe((next) => {
      if (!active) return;
      updated.current = true;
      setTransportFailed(false);
      setSnapshot(next);
    });
    transport.getSnapshot().then(
      (initial) => {
        if (!active || updated.current) return;
        setTransportFailed(false);
        setSnapshot(initial);
      },
      () => {
        if (active && !updated.current) setTransportFailed(true);
      },
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [transport]);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      const next = await transport.pollNow();
      setTransportFailed(false);
      setSnapshot(next);
    } catch {
      setTransportFailed(true);
    } finally {
      setRefreshing(false);
    }
  }, [transport]);

  return { snapshot, transportFailed, refreshing, refresh };
}
