// Finds Debian's Firefox ESR for the Firefox smoke test, installing the apt package when it is
// missing and this process may do so (root with apt-get). Returns null when neither is possible.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function ensureFirefox() {
  if (existsSync(FIREFOX_PATH)) return FIREFOX_PATH;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) return null;

  console.log('[firefox] not found; installing the Debian package firefox-esr');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'firefox-esr'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return existsSync(FIREFOX_PATH) ? FIREFOX_PATH : null;
}
