import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Article import reads web pages with jsdom and Word files with mammoth: plain Node packages, loaded as they are.
  serverExternalPackages: ['jsdom', 'mammoth'],
  experimental: {
    // Articles may be up to 2 MB of text; the import action refuses anything larger with a clear message.
    serverActions: { bodySizeLimit: '4mb' },
  },
};

export default nextConfig;
