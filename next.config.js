const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** The Content-Security-Policy is not here: it carries a per-response nonce, so proxy.ts sets it. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  // Browsers ignore HSTS received over plain HTTP, so this only takes effect behind HTTPS.
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules, and the report writers' libraries (they read their own files at run time).
  serverExternalPackages: ['better-sqlite3', 'argon2', 'exceljs', 'pdfmake'],
  poweredByHeader: false,
  experimental: {
    authInterrupts: true,
    // CSV imports are up to 2 MB; the default limit for server actions is 1 MB.
    serverActions: { bodySizeLimit: '3mb' },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = withNextIntl(nextConfig);
