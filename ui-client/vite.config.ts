import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The hub serves classpath:/META-INF/resources at '/', so the build lands where Maven packs resources.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    // Everything is served by the hub: no inlined remote fonts, no CDN; source maps stay out of the jar.
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ['app/**/*.test.ts'],
    environment: 'node',
  },
});
