/**
 * How the browser tests launch Chromium: Debian's (scripts/stack.sh installs it; no Playwright
 * browser download), headless on a shared machine, with nothing that phones home. One list for
 * every Playwright config (apps/storefront's and apps/console's), so they run the same browser.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
