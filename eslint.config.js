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
    // Migrations take Kysely<any> on purpose: they stay frozen while the app's table types change.
    files: ['packages/db/src/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Web features do not import each other (bulletproof-react): shared code lives in src/lib and src/components.
    files: ['packages/web/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(features/)?(auth|registration|reception|cases|admin|worklist|accountability|queue|floor)/',
              message: 'Features must not import each other; move shared code to src/lib or src/components.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.js'],
    languageOptions: { globals: nodeGlobals },
  },
]);
