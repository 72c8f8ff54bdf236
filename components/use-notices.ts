import { useCallback, useEffect, useRef, useState } from 'react';

export interface PanelNotice {
  id: number;
  text: string;
}

/** Holds short result messages, each removed `lifetimeMs` after it was added. */
export function useNotices(lifetimeMs: number): { notices: PanelNotice[]; addNotice(text: string): void } {
  const [notices, setNotices] = useState<PanelNotice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  const addNotice = useCallback(
    (text: string) => {
      const id = nextId.current++;
      setNotices((current) => [...current, { id, text }]);
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        setNotices((current) => current.filter((notice) => notice.id !== id));
      }, lifetimeMs);
      timers.current.add(timer);
    },
    [lifetimeMs],
  );

  return { notices, addNotice };
}
