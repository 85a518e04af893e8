import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'url', 'events'];

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The renderer is a web page: no Electron, no Node, and nothing with side effects from main.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.api.' }],
          patterns: [
            { group: NODE_BUILTINS, message: 'No Node modules in the renderer.' },
            { regex: '(^|/)data/(?!model/)', allowTypeImports: true, message: 'The window may import data/model/ (the pure, Node-free model); from the rest of data/ only types (and scripts/typecheck-window.ts checks those reach no Node).' },
            { regex: '(^|/)electron/(?!api/channels$|api/command-table$)', allowTypeImports: true, message: 'Only types (and the channel constants and the command table) cross from electron/ into the renderer.' },
          ],
        },
      ],
    },
  },
  {
    // data/ and electron/api/ are Electron-free so they can be tested for real without the binary.
    files: ['data/**/*.ts', 'electron/api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/main, preload, ipc and security import electron.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'Arrows point one way: renderer → electron/api → data.' }],
        },
      ],
    },
  },
  {
    files: ['data/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/**'], message: 'data/ imports nothing of the app.' }] }],
    },
  },
  {
    // Rooms that do one job (#17): no source file over 300 lines, no function (a component's body
    // included) over 120. Tests and generated files aside.
    files: ['data/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
