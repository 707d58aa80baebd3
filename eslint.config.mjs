// @ts-check
import eslint from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const rules = {
  '@typescript-eslint/no-explicit-any': 'error',
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-unused-vars': [
    'error',
    { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    ignores: ['apps/console/**'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules,
  },
  {
    // The staff console: a browser app with its own tsconfig (DOM, JSX, bundler resolution).
    files: ['apps/console/**/*.{ts,tsx}'],
    ignores: ['apps/console/src/api/schema.d.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      parserOptions: {
        project: './apps/console/tsconfig.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: { ...rules, ...reactHooks.configs.recommended.rules },
  },
);
