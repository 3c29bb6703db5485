import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

/** Debian's Chromium: no browser is ever downloaded (scripts/ensure-system-packages.sh installs it). */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromium } }],
  webServer: {
    // A production build (`next build` runs before this) on a fresh, seeded database.
    command: 'bash scripts/e2e-server.sh',
    url: `${baseURL}/commitments`,
    env: { E2E_PORT: String(PORT), DATABASE_URL: process.env.E2E_DATABASE_URL ?? 'data/e2e.db' },
    reuseExistingServer: false,
    timeout: 120_000,
    // The server's JSON request log is not the suite's output; its errors (stderr) are.
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
