// Makes sure a Chromium is there before the browser tests start: on a Debian machine where we
// are root it installs Debian's package (never a downloaded browser build); elsewhere it says
// in one line what to install.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

if (!findChromium()) {
  const canApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (!canApt) {
    console.error(
      'No Chromium found: install Chromium or Chrome (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH to its executable.',
    );
    process.exit(1);
  }
  console.log('No Chromium found: installing Debian\'s chromium package…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  if (!findChromium()) {
    console.error('apt-get finished but no Chromium is at /usr/bin/chromium: set CHROME_PATH.');
    process.exit(1);
  }
}
