import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const featuresDir = 'src/renderer/src/features'
const features = readdirSync(featuresDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

/**
 * The process boundaries of DESIGN section 3, checked on every import after it is
 * resolved (aliases and relative paths alike): shared imports nothing outside
 * shared; main, preload and renderer never import each other; a feature never
 * imports another feature; the renderer's shared parts never import features.
 */
const boundaryZones = [
  {
    target: './src/shared',
    from: ['./src/main', './src/preload', './src/renderer'],
    message: 'src/shared is pure: it imports nothing from main, preload or renderer.',
  },
  {
    target: './src/main',
    from: ['./src/renderer', './src/preload'],
    message: 'main never imports renderer or preload code.',
  },
  {
    target: './src/preload',
    from: ['./src/main', './src/renderer'],
    message: 'the preload only bridges the contract.',
  },
  {
    target: './src/renderer',
    from: ['./src/main', './src/preload/index.ts'],
    message: 'the renderer reaches main only through window.api.',
  },
  ...features.map((feature) => ({
    target: `./${featuresDir}/${feature}`,
    from: `./${featuresDir}`,
    except: [`./${feature}`],
    message: 'a feature does not import another feature; move what they share to components/, lib/ or hooks/.',
  })),
  {
    target: [
      './src/renderer/src/components',
      './src/renderer/src/lib',
      './src/renderer/src/hooks',
      './src/renderer/src/db',
    ],
    from: ['./src/renderer/src/features', './src/renderer/src/app'],
    message: 'shared renderer code does not depend on features or the app shell.',
  },
]

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'stream',
  'util',
  'url',
]

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.test-output/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.test.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'src/shared runs in every process: no Electron, no Node.',
            },
            {
              group: ['react', 'react-dom', 'dexie', 'i18next', 'react-i18next'],
              message: 'src/shared holds no UI or storage code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message:
                'Services are plain Node so they are tested without Electron; pass Electron things in as adapters from index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only matters for the React Compiler, which we do not use; react-hook-form's watch
      // and TanStack Table/Virtual are flagged by it although they work as documented.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', ...nodeBuiltins],
              message: 'The sandboxed renderer has no Node: ask main through window.api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/main/**/*.ts',
      'src/preload/**/*.ts',
      'scripts/**/*.{mjs,ts}',
      'test/**/*.ts',
      '*.config.{ts,mts,mjs}',
    ],
    languageOptions: { globals: globals.node },
  },
)
