import { defineConfig } from 'vite';

// React JSX through Vite's own esbuild (no React plugin, so older npm clients install it too).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless in a browser bundle
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
    },
  },
});
