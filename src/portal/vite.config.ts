/**
 * The portal's build (`npm run build:portal`): src/portal → dist/portal, served by the API server
 * (src/server/portal.ts) under its strict CSP. Hence: no inline script (no module-preload polyfill,
 * which Vite would inline), CSS in files, no assets inlined as data: URLs except images.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/portal'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
