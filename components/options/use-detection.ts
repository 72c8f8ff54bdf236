import { useState, type Dispatch, type SetStateAction } from 'react';
import type { DiscoveredConsole } from '@/lib/background/discover';
import { DiscoveryError, discoverConsole, type ConsoleDiscovery } from '@/lib/gravitee/discovery';
import { sendToBackground } from '@/lib/messages';
import type { Translate } from '@/lib/i18n';
import { hasHostAccess, hostPattern, requestHostAccess } from '@/lib/permissions';
import { formatHostList } from './host-list';
import type { NoticeMessage } from './Notice';
import { parseHttpUrl, type ConnectionErrors, type ConnectionForm } from './validate-connection';

interface DetectionOptions {
  t: Translate;
  form: ConnectionForm;
  setForm: Dispatch<SetStateAction<ConnectionForm>>;
  setFieldErrors: Dispatch<SetStateAction<ConnectionErrors>>;
  fetchImpl: typeof fetch;
}

/** Copies discovered values into the form, keeping an organization the user chose. */
function applyDiscovery(form: ConnectionForm, consoleUrl: string, found: ConsoleDiscovery, onlyIfEmpty: boolean): ConnectionForm {
  // The user may have edited the fields while constants.json was loading.
  if (parseHttpUrl(form.consoleUrl) !== consoleUrl) return form;
  if (onlyIfEmpty && form.managementUrl.trim() !== '') return form;
  const organizationIsDefault = form.organization.trim() === '' || form.organization.trim() === 'DEFAULT';
  return {
    ...form,
    managementUrl: found.managementUrl,
    organization: found.organization && organizationIsDefault ? found.organization : form.organization,
  };
}

function discoveryErrorText(t: Translate, error: unknown): string {
  if (!(error instanceof DiscoveryError)) return t('options.detect.unreachable');
  switch (error.reason) {
    case 'invalid-console-url':
      return t('options.invalid.console-url');
    case 'http-error':
      return t('options.detect.http-error', { status: error.status ?? '?' });
    case 'invalid-constants':
      return t('options.detect.invalid-constants');
    case 'unreachable':
      return t('options.detect.unreachable');
  }
}

/**
 * Fills the Management API URL from the console's constants.json: on the Detect button, which
 * requests host access to the console first, and on leaving the console URL field when host
 * access is already granted and the Management API URL is still empty.
 */
export function useDetection({ t, form, setForm, setFieldErrors, fetchImpl }: DetectionOptions) {
  const [detecting, setDetecting] = useState(false);
  const [detectNotice, setDetectNotice] = useState<NoticeMessage | null>(null);
  const [details, setDetails] = useState<DiscoveredConsole | null>(null);

  function detect() {
    const consoleUrl = parseHttpUrl(form.consoleUrl);
    if (!consoleUrl) {
      setFieldErrors((errors) => ({ ...errors, consoleUrl: form.consoleUrl.trim() === '' ? 'options.invalid.console-url.missing' : 'options.invalid.console-url' }));
      return;
    }
    const patterns = [hostPattern(consoleUrl)];
    // Requested before any await: browsers grant host access only inside the click's user gesture.
    let access: Promise<boolean>;
    try {
      access = requestHostAccess(patterns);
    } catch {
      setDetectNotice({ tone: 'error', text: t('options.permission-failed', { hosts: formatHostList(patterns) }) });
      return;
    }
    void finishDetect(consoleUrl, patterns, access);
  }

  async function finishDetect(consoleUrl: string, patterns: string[], access: Promise<boolean>) {
    setDetecting(true);
    setDetectNotice(null);
    setDetails(null);
    try {
      if (!(await access.catch(() => false))) {
        setDetectNotice({ tone: 'error', text: t('options.detect.permission-refused', { hosts: formatHostList(patterns) }) });
        return;
      }
      const found = await discoverConsole(consoleUrl, fetchImpl);
      setForm((current) => applyDiscovery(current, consoleUrl, found, false));
      setFieldErrors((errors) => ({ ...errors, managementUrl: undefined, organization: undefined }));
      setDetectNotice({
        tone: 'success',
        text: found.organization
          ? t('options.detect.done-organization', { organization: found.organization })
          : t('options.detect.done'),
      });
      // Version, environments and the session come from the worker, which may reach the API host.
      const more = await sendToBackground({ type: 'discover-console', consoleUrl }).catch(() => null);
      if (more?.ok) setDetails(more.found);
    } catch (error) {
      setDetectNotice({ tone: 'error', text: discoveryErrorText(t, error) });
    } finally {
      setDetecting(false);
    }
  }

  async function prefill() {
    const consoleUrl = parseHttpUrl(form.consoleUrl);
    if (!consoleUrl || form.managementUrl.trim() !== '') return;
    try {
      if (!(await hasHostAccess([hostPattern(consoleUrl)]))) return;
      const found = await discoverConsole(consoleUrl, fetchImpl);
      setForm((current) => applyDiscovery(current, consoleUrl, found, true));
    } catch {
      // Silent on purpose: the user has not asked for anything yet, and Detect shows the reason.
    }
  }

  return { detecting, detectNotice, details, detect, prefill: () => void prefill() };
}
