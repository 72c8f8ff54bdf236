import type { Translate } from '@/lib/i18n';

/** Requests shown as current. `complete` is false when some connection's list is unknown or old, so more may wait. */
export interface PanelCount {
  value: number;
  complete: boolean;
}

export interface PanelHeaderProps {
  t: Translate;
  titleId: string;
  /** Null when nothing is known about the number of waiting requests. */
  count: PanelCount | null;
  refreshing: boolean;
  onRefresh(): void;
}

function countText(t: Translate, count: PanelCount): string {
  if (!count.complete) return t('panel.count.at-least', { count: count.value });
  return count.value === 1 ? t('panel.count.one') : t('panel.count', { count: count.value });
}

/** Renders the panel's title, request count and Refresh button. */
export function PanelHeader({ t, titleId, count, refreshing, onRefresh }: PanelHeaderProps) {
  return (
    <header className="gk-header">
      <h2 className="gk-title" id={titleId}>
        {t('panel.title')}
      </h2>
      {count !== null && <span className="gk-count">{countText(t, count)}</span>}
      <button type="button" className="gk-button gk-refresh" title={t('panel.refresh.hint')} disabled={refreshing} onClick={onRefresh}>
        {refreshing ? t('panel.refreshing') : t('panel.refresh')}
      </button>
    </header>
  );
}
