/** Build the web app into the Python package, with a service worker and a web manifest. */

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const outDir = fileURLToPath(new URL('../src/orbithub/web/static', import.meta.url));
// `npm run dev` forwards the API and its WebSocket to a running hub (`orbithub demo`).
const hub = process.env.ORBITHUB_URL ?? 'http://127.0.0.1:8420';

export default defineConfig({
  server: {
    proxy: { '/api': { target: hub, ws: true, changeOrigin: true } },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // The built files are committed: no source maps, stable content hashes, nothing time-dependent.
    sourcemap: false,
    reportCompressedSize: true,
    modulePreload: { polyfill: false },
  },
  plugins: [
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      filename: 'sw.js',
      includeAssets: ['icons/icon.svg', 'icons/icon-192.png', 'push-sw.js'],
      manifest: {
        id: '/',
        name: 'OrbitHub',
        short_name: 'OrbitHub',
        description: 'Your home, office and car from your phone.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f2f4f7',
        theme_color: '#1f3a5f',
        lang: 'en',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // The API and its socket always go to the hub, never to the cache.
        navigateFallbackDenylist: [/^\/api\//],
        importScripts: ['/push-sw.js'],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        sourcemap: false,
        // Inline the workbox runtime: one stable sw.js instead of a hashed helper file.
        inlineWorkboxRuntime: true,
        mode: 'production',
      },
    }),
  ],
});
