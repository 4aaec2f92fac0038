import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Imports a layer may not make, as `no-restricted-imports` patterns. */
const restrict = (...patterns) => ['error', { patterns }];

/** SQL is written only in repositories (and in src/db): query-builder calls and the `sql` tag elsewhere in modules. */
const sqlOutsideRepositories = [
  {
    selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto)$/]',
    message: 'SQL belongs in a repository (<area>.repository.ts); call it from the service.',
  },
  {
    selector:
      "ImportDeclaration[source.value='kysely'][importKind!='type'] ImportSpecifier[imported.name='sql'][importKind!='type']",
    message: 'SQL belongs in a repository (<area>.repository.ts); call it from the service.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'coverage', 'test-results', 'bench/results', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config.ts only.' },
      ],
      // Type-only imports cannot form a cycle at run time.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  // Layering (docs/architecture.md): dependencies point downwards only.
  {
    // The shared contract is imported by the browser: zod and itself, nothing else.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['node:*'], message: 'The contract is imported by the browser: no Node.js modules.' },
        { regex: '^\\.\\./', message: 'The contract imports only itself (and zod).' },
      ),
    },
  },
  {
    // Pure layers: no I/O, nothing from the layers above.
    files: ['src/domain/**/*.ts', 'src/analytics/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '^\\.\\./(db|modules|server|cli)/|/(compose|config)\\.ts$',
        message: 'domain/ and analytics/ are pure: they import only the contract, each other and libraries.',
      }),
    },
  },
  {
    files: ['src/modules/**/*.routes.ts', 'src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        {
          regex: '(^|/)db/',
          allowTypeImports: true,
          message: 'Routes and the HTTP layer call services; only repositories (and src/db) touch the database.',
        },
        { regex: '\\.repository\\.ts$', message: 'Routes call services, never repositories.' },
      ),
    },
  },
  {
    // A module reaches another module's data through that module's service, never its repository.
    // (Type-only imports of a repository's row types are allowed: they describe the table, not access it.)
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '^\\.\\./(\\.\\./)?[a-z-]+/[a-z-]+\\.repository\\.ts$',
        allowTypeImports: true,
        message: "Call the other module's service instead of its repository.",
      }),
    },
  },
  {
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*.repository.ts'],
    rules: { 'no-restricted-syntax': ['error', ...sqlOutsideRepositories] },
  },
  {
    files: ['src/cli/**/*.ts', 'src/compose.ts'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '\\.repository\\.ts$',
        allowTypeImports: true,
        message: 'The CLI calls services, never repositories.',
      }),
    },
  },
  {
    // The web app talks only to the HTTP API: of the server's sources it imports only the shared contract.
    // (Type-only imports are erased: they add no run-time dependency.)
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '/src/(?!contract/)',
        allowTypeImports: true,
        message: 'The web app imports only src/contract from the server sources; it talks to the API over HTTP.',
      }),
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // TanStack Router redirects by throwing a redirect object.
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/only-throw-error': [
        'error',
        { allow: [{ from: 'package', package: '@tanstack/router-core', name: 'Redirect' }] },
      ],
    },
  },
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
