import { useId, useState, type ChangeEvent } from 'react';
import type { Translate } from '@/lib/i18n';
import { Notice, type NoticeMessage } from './Notice';
import { releaseNotificationPermission, requestNotificationPermission } from './notification-permission';
import { storeNotifications } from './options-storage';

export interface NotificationsFieldProps {
  t: Translate;
  /** Whether notifications are on: stored as on, and the browser still grants the permission. */
  initiallyOn: boolean;
  /** Whether they are stored as on but the browser no longer grants the permission. */
  permissionLost: boolean;
}

/**
 * Renders the Desktop notifications checkbox. Unlike the other preferences it is stored at once,
 * because turning it on already shows the browser's permission prompt.
 */
export function NotificationsField({ t, initiallyOn, permissionLost }: NotificationsFieldProps) {
  const checkboxId = useId();
  const hintId = useId();
  const [checked, setChecked] = useState(initiallyOn);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(
    permissionLost ? { tone: 'info', text: t('options.notifications.permission-missing') } : null,
  );

  function turnOn() {
    // Requested before any await: browsers show the prompt only inside the user's input event.
    let request: Promise<boolean>;
    try {
      request = requestNotificationPermission();
    } catch {
      setNotice({ tone: 'error', text: t('options.notifications.request-failed') });
      return;
    }

    setChecked(true);
    setBusy(true);
    setNotice(null);
    void (async () => {
      try {
        let granted: boolean;
        try {
          granted = await request;
        } catch {
          setChecked(false);
          setNotice({ tone: 'error', text: t('options.notifications.request-failed') });
          return;
        }
        if (!granted) {
          setChecked(false);
          setNotice({ tone: 'error', text: t('options.notifications.refused') });
          return;
        }
        await storeNotifications(true);
        setNotice({ tone: 'success', text: t('options.notifications.on') });
      } catch {
        setChecked(false);
        setNotice({ tone: 'error', text: t('options.notifications.save-failed') });
      } finally {
        setBusy(false);
      }
    })();
  }

  function turnOff() {
    setChecked(false);
    setBusy(true);
    setNotice(null);
    void (async () => {
      try {
        await storeNotifications(false);
      } catch {
        setChecked(true);
        setNotice({ tone: 'error', text: t('options.notifications.save-failed') });
        return;
      } finally {
        setBusy(false);
      }
      setNotice({ tone: 'success', text: t('options.notifications.off') });
      await releaseNotificationPermission();
    })();
  }

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    if (event.target.checked) turnOn();
    else turnOff();
  }

  return (
    <div className="field">
      <div className="checkbox-row">
        <input id={checkboxId} type="checkbox" checked={checked} disabled={busy} aria-describedby={hintId} onChange={handleChange} />
        <label htmlFor={checkboxId}>{t('options.notifications.label')}</label>
      </div>
      <p className="hint" id={hintId}>
        {t('options.notifications.hint')}
      </p>
      <Notice notice={notice} />
    </div>
  );
}
