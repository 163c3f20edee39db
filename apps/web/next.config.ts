import type { NextConfig } from 'next';

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Nothing is loaded from other hosts: no remote images, fonts or scripts.
  images: { unoptimized: true },
  transpilePackages: ['@lineage/domain'],
  // `npm test` type-checks every package (tsc); the build need not repeat it on 2 cores, nor
  // fail on a test file or a sibling package that is half-way through a change.
  typescript: { ignoreBuildErrors: true },
  // The Content-Security-Policy, which needs a nonce per response, is set in src/proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default config;
