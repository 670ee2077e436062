import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // Articles may be up to 2 MB of text; the import action refuses anything larger with a clear message.
    serverActions: { bodySizeLimit: '4mb' },
  },
};

export default nextConfig;
