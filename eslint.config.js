// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers, lowest first (ARCHITECTURE.md): a folder may import only from folders before it.
 * `model` → `script`, `plan` → `store` → `sync` → `ai`, `render`, `export` → `ui`, `pwa`.
 */
const LAYERS = [
  ['model'],
  ['script', 'plan'],
  ['store'],
  ['sync'],
  ['ai', 'render', 'export'],
  ['ui', 'pwa'],
];

/** Libraries that only certain layers may touch. */
const LIBRARY_OWNERS = {
  dexie: ['store'],
  'y-webrtc': ['sync'],
  yjs: ['store', 'sync', 'ui'],
  react: ['ui', 'pwa'],
  'react-dom': ['ui', 'pwa'],
};

function restrictionsFor(folder) {
  const level = LAYERS.findIndex((group) => group.includes(folder));
  // Siblings in one group (ui and pwa, say) may use each other; nothing may reach upwards.
  const higher = LAYERS.slice(level + 1).flat();
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
    files: ['tests/**', '*.config.*', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // In tests a wrong `!` fails the test loudly, which is what a test is for.
    files: ['**/*.test.ts', 'tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
