import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const noElectronOrUi = {
  patterns: [
    {
      group: ['electron', 'electron/*'],
      message: 'Only src/main/index.ts and src/main/ipc.ts may use electron.'
    },
    { group: ['react', 'react-dom', 'react/*', '@mantine/*'], message: 'UI code belongs in src/renderer.' }
  ]
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'resources/**',
      '.electron-native/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    // The core and the contract run anywhere: never electron, never UI.
    files: ['src/main/core/**', 'src/shared/**', 'src/cli/**', 'src/main/bridge/**'],
    rules: { 'no-restricted-imports': ['error', noElectronOrUi] }
  },
  {
    // The preload is bundled whole into the sandboxed page: the contract's names and channels
    // (shared/channels.ts), never its schemas (api.ts and the rest of shared/ import zod).
    files: ['src/preload/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', '**/shared/*', '!**/shared/channels'],
              allowTypeImports: true,
              message: 'The preload imports values only from shared/channels.ts (types from anywhere).'
            }
          ]
        }
      ]
    }
  },
  {
    // The renderer reaches the core only through the API contract.
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'The renderer has no Node.' },
            {
              group: ['**/main/**', '**/core/**', 'electron'],
              message: 'Call the API (lib/api.ts), not the core.'
            }
          ]
        }
      ]
    }
  }
)
