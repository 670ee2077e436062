import type { NextConfig } from 'next';

// The same on every response, static files included; the Content-Security-Policy, which needs a
// nonce per request, is set in proxy.ts (ADR 0015).
const securityHeaders = [
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: [
      'accelerometer',
      'autoplay',
      'bluetooth',
      'browsing-topics',
      'camera',
      'display-capture',
      'geolocation',
      'gyroscope',
      'hid',
      'magnetometer',
      'microphone',
      'midi',
      'payment',
      'publickey-credentials-get',
      'screen-wake-lock',
      'serial',
      'usb',
      'xr-spatial-tracking',
    ]
      .map((feature) => `${feature}=()`)
      .join(', '),
  },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Article import reads web pages with jsdom and Word files with mammoth in worker threads that
  // piscina starts from its own files (lib/import/pool.ts): plain Node packages, loaded as they are.
  serverExternalPackages: ['jsdom', 'mammoth', 'piscina'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
  experimental: {
    // Articles may be up to 2 MB of text; the import action refuses anything larger with a clear message.
    serverActions: { bodySizeLimit: '4mb' },
  },
};

export default nextConfig;
