import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The staff console: served by the API at /console/ from CONSOLE_DIR (default ./dist/console).
 * Vite's own TSX transform (automatic JSX runtime) is enough: no dev-server fast refresh is
 * needed, and the CSP forbids inline scripts, which the build never emits.
 */
export default defineConfig({
  root: here,
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // React Query marks its modules "use client" (for server components); a browser bundle has
      // no such boundary, so the note is noise.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    root: here,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
