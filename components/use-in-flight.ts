import { useEffect, useState } from 'react';
import type { RequestTransport, InFlightActions } from '@/lib/transport';

/** Follows the accept and reject requests that any tab, panel or popup is sending right now. */
export function useInFlightActions(transport: RequestTransport): InFlightActions {
  const [actions, setActions] = useState<InFlightActions>({});

  useEffect(() => {
    setActions({});
    return transport.watchInFlight(setActions);
  }, [transport]);

  return actions;
}
