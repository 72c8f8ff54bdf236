export interface NoticeMessage {
  tone: 'success' | 'error' | 'info';
  text: string;
}

/**
 * Renders the result of an action inside a live region that stays mounted, because screen readers
 * announce changes to an existing region more reliably than a newly inserted one.
 */
export function Notice({ notice }: { notice: NoticeMessage | null }) {
  return (
    <div className="notice-area" aria-live={notice?.tone === 'error' ? 'assertive' : 'polite'} aria-atomic="true">
      {notice && <p className={`notice notice-${notice.tone}`}>{notice.text}</p>}
    </div>
  );
}
