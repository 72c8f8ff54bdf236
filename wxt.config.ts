import { defineConfig } from 'wxt';

// GATEKEEPER_VARIANT=e2e builds a copy for the Chromium suite into .output/e2e, and =demo one for
// `npm start` into .output/demo. Both are granted loopback host access at install time, because a
// headless browser cannot click the prompt that browser.permissions.request() shows. The demo
// copy also starts out connected to the simulator (WXT_DEMO_CONNECTION). Every other line is the same.
const variant = process.env.GATEKEEPER_VARIANT ?? '';
if (!['', 'e2e', 'demo'].includes(variant)) throw new Error(`GATEKEEPER_VARIANT must be e2e or demo, not ${variant}`);
const loopbackHosts = variant ? ['http://127.0.0.1/*', 'http://localhost/*'] : [];

// The e2e copy has the notifications permission from the start, for the same reason.
const grantedOptional = variant === 'e2e' ? ['notifications'] : [];
const optionalPermissions = ['notifications'].filter((permission) => !grantedOptional.includes(permission));

// Host access is asked for at run time, one console or API origin at a time. Firefox ignores the
// port in match patterns, so granted patterns are host-wide and the code checks the full origin.
const anyHost = ['http://*/*', 'https://*/*'];
const permissions = ['storage', 'alarms', 'scripting', 'idle', ...grantedOptional];

const gecko = {
  id: 'gatekeeper@gatekeeper-for-gravitee.invalid',
  strict_min_version: '142.0',
  // Gatekeeper sends nothing anywhere but the user's own Gravitee.
  data_collection_permissions: { required: ['none'] },
};

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDir: variant ? `.output/${variant}` : '.output',
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_extName__' },
    ...(manifestVersion === 3
      ? { permissions, optional_permissions: optionalPermissions, optional_host_permissions: anyHost, host_permissions: loopbackHosts }
      : { permissions: [...permissions, ...loopbackHosts], optional_permissions: [...optionalPermissions, ...anyHost] }),
    // Lets administrators pre-set connections, presets and rules by policy (storage.managed).
    // Firefox reads such policies from policies.json without a schema in the manifest.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko } } : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
