import { useEffect, useState } from 'react';
import type { RecentDecision } from '@/lib/storage';
import type { RequestTransport } from '@/lib/transport';

/** Follows the decisions taken through Gatekeeper, newest first, until unmount. */
export function useRecentDecisions(transport: RequestTransport): RecentDecision[] {
  const [decisions, setDecisions] = useState<RecentDecision[]>([]);
  useEffect(() => transport.watchRecentDecisions(setDecisions), [transport]);
  return decisions;
}
