// `npm test`: type check, unit and component tests, the extension builds for Chrome and Firefox,
// Firefox's extension lint, and the end-to-end suite in Debian's Chromium. Stops at the first
// failing step and exits non-zero.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';
import { ensureFirefox } from './firefox.mjs';

function run(step, command, args, env = {}) {
  console.log(`\n[test] ${step}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`[test] ${step} failed after ${seconds} s (exit code ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`[test] ${step} passed in ${seconds} s`);
}

run('type check', 'tsc', ['--noEmit']);
run('unit and component tests', 'vitest', ['run']);
run('Chrome build', 'wxt', ['build']);
run('Firefox build', 'wxt', ['build', '-b', 'firefox']);
run('Firefox lint', 'web-ext', ['lint', '--source-dir', '.output/firefox-mv2', '--self-hosted', '--no-config-discovery']);
run('end-to-end build', 'wxt', ['build'], { GATEKEEPER_VARIANT: 'e2e' });

const chromium = ensureChromium();

// tests/e2e/team-and-policy.test.ts writes this Chromium policy file and removes it when done. A
// killed run may have left it behind, and then it would add a policy connection to every test.
rmSync('/etc/chromium/policies/managed/gatekeeper-e2e-test.json', { force: true });
const firefoxPath = ensureFirefox();
if (firefoxPath) run('smoke test in Firefox ESR', 'node', ['--test', 'tests/firefox/'], { FIREFOX_PATH: firefoxPath });
else console.log('[test] Firefox ESR is not installed and cannot be installed here (needs root and apt-get): its smoke test is skipped.');

run('end-to-end tests in Chromium', 'node', ['--test', '--test-concurrency=1', 'tests/e2e/'], { CHROMIUM_PATH: chromium });
