import { defineConfig } from 'wxt';

// GATEKEEPER_E2E=1 builds a copy for the Chromium suite into .output/e2e. That copy is granted
// loopback host access at install time, because a headless browser cannot click the prompt that
// browser.permissions.request() shows; every other line of its manifest is the same.
const e2e = process.env.GATEKEEPER_E2E === '1';
const e2eHosts = e2e ? ['http://127.0.0.1/*'] : [];

// Host access is asked for at run time, one console or API origin at a time. Firefox ignores the
// port in match patterns, so granted patterns are host-wide and the code checks the full origin.
const anyHost = ['http://*/*', 'https://*/*'];
const permissions = ['storage', 'alarms', 'scripting'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDir: e2e ? '.output/e2e' : '.output',
  manifest: ({ manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_extName__' },
    ...(manifestVersion === 3
      ? { permissions, optional_host_permissions: anyHost, host_permissions: e2eHosts }
      : { permissions: [...permissions, ...e2eHosts], optional_permissions: anyHost }),
    browser_specific_settings: {
      gecko: { id: 'gatekeeper@gatekeeper-for-gravitee.invalid', strict_min_version: '115.0' },
    },
  }),
});
