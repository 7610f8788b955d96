/*
 * How the end-to-end tests and the crawl launch Debian's Chromium
 * (scripts/ensure-chromium installs it).
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // Without these Chromium stalls on this closed network.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** The screen the "new user" used, and the README screenshots. */
export const viewport = { width: 1440, height: 900 };
