// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers, lowest first (ARCHITECTURE.md): a folder may import only from folders before it.
 * `model` → `script`, `plan` → `store` → `sync` → `ai`, `render`, `export`, `search` → `workflows` →
 * `ui`, `pwa`.
 */
const LAYERS = [
  ['model'],
  ['script', 'plan'],
  ['store'],
  ['sync'],
  ['ai', 'render', 'export', 'search'],
  ['workflows'],
  ['ui', 'pwa'],
];

/** Libraries that only certain layers may touch. */
const LIBRARY_OWNERS = {
  dexie: ['store'],
  'y-webrtc': ['sync'],
  yjs: ['store', 'sync'],
  react: ['ui', 'pwa'],
  'react-dom': ['ui', 'pwa'],
};

/**
 * One write path (ARCHITECTURE.md): components change a project only through `session.run`.
 * They may not import the document layout and its write operations, nor reach a session's
 * Y.Doc, nor Yjs itself.
 */
const WRITE_PATH_ONLY = {
  ui: [
    {
      group: ['**/store/projectDoc', '**/store/projectDoc/*'],
      message:
        'src/ui changes a project only through session.run(…) (store/commands); it may not use the document layout or its write operations.',
    },
    {
      group: ['**/store/sessionDocument', '**/store/projectSession', '**/store/commands/*'],
      message:
        "src/ui may not reach a session's Y.Doc or the command internals: use session.run(…) and the types from store/commands.",
    },
  ],
};

/**
 * Siblings in one group may use each other, except these: src/pwa is handed what it needs from
 * the app shell (workflows/appServices.ts) and never imports src/ui.
 */
const SIBLINGS_APART = { pwa: ['ui'] };

function restrictionsFor(folder) {
  const level = LAYERS.findIndex((group) => group.includes(folder));
  // Nothing may reach upwards.
  const higher = [...LAYERS.slice(level + 1).flat(), ...(SIBLINGS_APART[folder] ?? [])];
  const patterns = higher.map((other) => ({
    group: [`**/${other}/*`, `**/${other}`, `../${other}/**`],
    message: `src/${folder} sits below src/${other} (see ARCHITECTURE.md): it must not import it.`,
  }));
  const paths = Object.entries(LIBRARY_OWNERS)
    .filter(([, owners]) => !owners.includes(folder))
    .map(([name, owners]) => ({
      name,
      message: `Only src/${owners.join(', src/')} may import ${name} (see ARCHITECTURE.md).`,
    }));
  patterns.push(...(WRITE_PATH_ONLY[folder] ?? []));
  return {
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'tests/.artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.worker },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/pwa/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...LAYERS.flat().map(restrictionsFor),
  {
    // A blob URL runs in the app's origin: only src/ui/common/objectUrl.ts makes them, with a
    // type that cannot run script (issue 10).
    files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'URL',
          property: 'createObjectURL',
          message:
            'Use inertObjectUrl (src/ui/common/objectUrl.ts): blob URLs must never carry an active type.',
        },
      ],
      // The same, however it is reached: `window.URL.createObjectURL`, `self.URL[...]`,
      // `const { createObjectURL } = URL`.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[property.name='createObjectURL'][object.name!='URL'], MemberExpression[property.value='createObjectURL'], Property[key.name='createObjectURL']",
          message:
            'Use inertObjectUrl (src/ui/common/objectUrl.ts): blob URLs must never carry an active type.',
        },
      ],
    },
  },
  {
    files: ['tests/**', 'scripts/**', '*.config.*', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // In tests a wrong `!` fails the test loudly, which is what a test is for.
    files: ['**/*.test.ts', 'tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
