/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { BOOT_ENTRY, firstPageCode } from './scripts/first-page-code.ts';

// `npm run dev` serves the app with hot reload and forwards the API to a running server
// (`northstar serve --port 8080`, or NORTHSTAR_API=http://localhost:PORT).
const api = process.env.NORTHSTAR_API ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), firstPageCode()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': api,
      '/readyz': api,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Published beside the built files, so that an error in a browser points at the source.
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The boot script is an entry of its own, so that it runs before the app's code has arrived.
      input: { index: 'index.html', boot: BOOT_ENTRY },
      output: {
        codeSplitting: {
          // Fewer, larger files for the signed-in pages: the libraries the sign-in page needs stay
          // in the entry, and the rest of the libraries every signed-in page shares (Mantine's
          // other components, icons, dates) come as one file instead of some thirty small ones,
          // each a round trip on a slow connection. Charts stay apart: only chart tabs load them.
          // The merge threshold decides which small sets of shared modules are folded into a
          // neighbour: folded into a set the shell loads, they come with the first load. It is
          // tuned to the pages there are (measure the first load of sign-in, the portfolio and an
          // alliance when adding one): at 12000 the health pages' form widgets (radio buttons,
          // check boxes) were folded into the portfolio's files, +6 KB on its first load; at 11000
          // they are not, and the first loads grow only by the header's, the routes' and the tab's
          // own few hundred bytes.
          groups: [
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 3 },
            { name: 'charts', test: /[\\/]node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 2 },
            { name: 'workspace-vendor', test: /[\\/]node_modules[\\/]/, priority: 1, entriesAware: true, entriesAwareMergeThreshold: 11000 },
          ],
        },
      },
    },
  },
  test: {
    // jsdom 29 or later (package.json): 27 and 28 work out a computed style about six times slower
    // (jsdom issue 3984), and Testing Library, user-event and Mantine ask for one on every role
    // query, click and text-area render. On 28 that was half of the suite's time.
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    // One page and one copy of each module per worker, shared by the files it runs, instead of a
    // fresh one per file: importing Mantine and setting up jsdom again for each of 70 files was
    // half of the suite's time. Tests therefore leave nothing behind (src/test/setup.ts). Both
    // cores: Vitest's default leaves one free, and the files then ran one at a time.
    isolate: false,
    maxWorkers: 2,
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 15000,
  },
});
