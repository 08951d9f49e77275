import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { readdirSync, readFileSync } from 'node:fs';

// Packages that do I/O: a domain lib must stay pure so it can be unit-tested without Kafka or HTTP.
const ioPackages = [
  'kafkajs',
  '@kafkajs/*',
  '@confluentinc/*',
  'express',
  'pino',
  'pino-*',
  'prom-client',
  'axios',
  'undici',
  'node-fetch',
  'got',
  'commerce-sdk',
  'supertest',
  'http',
  'https',
  'node:http',
  'node:https',
  'net',
  'node:net',
];

// Nx's bannedExternalImports only sees npm packages, not Node's own modules or the global fetch,
// so pure libs (tags type:domain, type:contracts, type:util) get ESLint's own restrictions too.
const pureTags = ['type:domain', 'type:contracts', 'type:util'];
// libs/testing is a util by dependency rules but exists to spawn services and probe ports in tests.
const ioUtils = ['testing'];
const pureLibs = readdirSync(new URL('./libs', import.meta.url)).filter((name) => {
  if (ioUtils.includes(name)) return false;
  try {
    const project = JSON.parse(readFileSync(new URL(`./libs/${name}/project.json`, import.meta.url), 'utf8'));
    return (project.tags ?? []).some((tag) => pureTags.includes(tag));
  } catch {
    return false;
  }
});
const ioMessage = 'a pure lib (type:domain/contracts/util) does no I/O; put it in an adapter lib or an app';

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      'infra/local-stack/.cache',
      'coverage',
      'tmp',
      '.tools',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:adapter', 'type:contracts', 'type:util'],
            },
            {
              sourceTag: 'type:adapter',
              onlyDependOnLibsWithTags: ['type:domain', 'type:adapter', 'type:contracts', 'type:util'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'],
              bannedExternalImports: ioPackages,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util'],
              bannedExternalImports: ioPackages,
            },
            {
              sourceTag: 'type:util',
              onlyDependOnLibsWithTags: ['type:util'],
              bannedExternalImports: ioPackages,
            },
            // Simulators stand in for WAIR and SFCC; nothing may depend on them.
            {
              sourceTag: 'scope:simulator',
              onlyDependOnLibsWithTags: ['type:domain', 'type:adapter', 'type:contracts', 'type:util'],
            },
          ],
        },
      ],
    },
  },
  {
    files: pureLibs.map((name) => `libs/${name}/src/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioPackages.filter((p) => !p.includes('*')).map((name) => ({ name, message: ioMessage })),
          patterns: [
            {
              group: [...ioPackages.filter((p) => p.includes('*')), 'node:dgram', 'dgram', 'node:tls', 'tls'],
              message: ioMessage,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
          name,
          message: ioMessage,
        })),
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
];
