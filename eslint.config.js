// ESLint 9 flat config: @eslint/js and typescript-eslint recommended rules for the packages'
// sources, the browser journeys, the benchmarks and the scripts. Formatting is Prettier's job.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The Node globals the plain .mjs scripts use (TypeScript files get their globals from @types/node).
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  fetch: 'readonly',
  AbortSignal: 'readonly',
};

export default defineConfig([
  globalIgnores(['**/dist/', '**/node_modules/', 'test-results/', 'data/', 'bench/results/', 'coverage/']),
  {
    files: ['packages/*/src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,js,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.js'],
    languageOptions: { globals: nodeGlobals },
  },
]);
