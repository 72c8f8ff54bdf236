// `npm start`: starts the Gravitee simulator and its console stand-in, builds the demo copy of the
// extension (connected to the simulator), and opens it in Chromium when a display exists. Without
// a display it prints how to load the extension by hand. Stops on Ctrl+C.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startSimulator } from '../simulator/server.ts';
import { ensureChromium } from './chromium.mjs';

const API_PORT = Number(process.env.GATEKEEPER_API_PORT ?? 8083);
const CONSOLE_PORT = Number(process.env.GATEKEEPER_CONSOLE_PORT ?? 8084);

const simulator = await startSimulator({ apiPort: API_PORT, consolePort: CONSOLE_PORT });
const demoConnection = {
  connection: { id: 'demo', name: 'Simulator', consoleUrl: simulator.consoleUrl, managementUrl: simulator.managementUrl, organization: 'DEFAULT' },
  token: simulator.ownerToken,
};

console.log('[demo] building the demo extension');
const build = spawnSync('wxt', ['build'], {
  stdio: 'inherit',
  env: { ...process.env, GATEKEEPER_VARIANT: 'demo', WXT_DEMO_CONNECTION: JSON.stringify(demoConnection) },
});
if (build.status !== 0) {
  await simulator.close();
  console.error('[demo] the build failed; see the output above.');
  process.exit(1);
}
const extensionPath = resolve('.output/demo/chrome-mv3');

console.log(`
Gatekeeper demo
  Gravitee console stand-in: ${simulator.consoleUrl}
  Management API:            ${simulator.managementUrl}
  Personal access token:     (already stored in the demo extension)
  Extension build:           ${extensionPath}
`);

let context = null;
if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
  const { chromium } = await import('playwright-core');
  const executablePath = ensureChromium();
  context = await chromium.launchPersistentContext(mkdtempSync(resolve(tmpdir(), 'gatekeeper-demo-')), {
    executablePath,
    headless: false,
    viewport: null,
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(simulator.consoleUrl);
  console.log('[demo] Chromium is open with the extension. Close it or press Ctrl+C to stop.');
  context.on('close', () => stop());
} else {
  console.log(`No display found, so no browser was opened. To try the extension:
  1. Open chrome://extensions in Chrome or Chromium, switch on Developer mode.
  2. Click "Load unpacked" and choose ${extensionPath}
  3. Open ${simulator.consoleUrl} and click the Gatekeeper button at the bottom right.
The toolbar badge shows the number of waiting subscription requests. Press Ctrl+C to stop.`);
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await context?.close().catch(() => undefined);
  await simulator.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
