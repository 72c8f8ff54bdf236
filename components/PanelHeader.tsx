import type { Translate } from '@/lib/i18n';

export interface PanelHeaderProps {
  t: Translate;
  titleId: string;
  /** Number of requests shown; null when the list is unknown. */
  count: number | null;
  refreshing: boolean;
  onRefresh(): void;
}

/** Renders the panel's title, request count and Refresh button. */
export function PanelHeader({ t, titleId, count, refreshing, onRefresh }: PanelHeaderProps) {
  return (
    <header className="gk-header">
      <h2 className="gk-title" id={titleId}>
        {t('panel.title')}
      </h2>
      {count !== null && <span className="gk-count">{count === 1 ? t('panel.count.one') : t('panel.count', { count })}</span>}
      <button type="button" className="gk-button gk-refresh" title={t('panel.refresh.hint')} disabled={refreshing} onClick={onRefresh}>
        {refreshing ? t('panel.refreshing') : t('panel.refresh')}
      </button>
    </header>
  );
}
