import { defineConfig } from 'vite';

// React JSX through Vite's own esbuild (no React plugin, so older npm clients install it too).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
    },
  },
});
