// The house rules for the TypeScript, checked by `npm run lint` (part of `npm test`).
// Layout is Prettier's job (.prettierrc.json); which folder may import which is
// scripts/layers.ts's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'playground/dist/',
      'coverage/',
      'test-artifacts/',
      'test/cases/',
      'test/golden/',
      'test/format/fixtures/',
      'test/sql/golden/',
      'examples/',
      'editors/vscode/node_modules/',
      'editors/vscode/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `==` only where a comment explains it; `x == null` is the one allowed shorthand.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // An unused name is a leftover; a leading underscore says "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Non-null assertions are how strict index access is narrowed after a bounds check.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // A promise nobody awaits loses its error: the two rules that need type
    // information, over the files the tsconfigs cover (about a minute on two cores).
    files: [
      '{core,grammar,compiler,runtime,cli,bench,scripts,test,server,editors,lsp}/**/*.ts',
      'playground/src/**/*.ts',
    ],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Tests read JSON answers of any shape.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain Node scripts (the bin entry, build and fuzz scripts).
    files: ['bin/**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
