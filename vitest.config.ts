import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'node',
    reporters: ['default'],
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/unit/{data,electron,fuzz,packaging}/**/*.test.ts'], environment: 'node', setupFiles: ['tests/unit/close-stores.ts'] } },
      { extends: true, test: { name: 'renderer', include: ['tests/unit/renderer/**/*.test.{ts,tsx}'], environment: 'jsdom' } },
    ],
  },
});
