import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The clinician workspace: built into web/dist and served by `vitalis serve` at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/fhir': 'http://127.0.0.1:8080', '/cds-services': 'http://127.0.0.1:8080' } },
});
