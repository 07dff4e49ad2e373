// Two rule sets guard the shipped code (nodes/, credentials/, package.json):
// - eslint-plugin-n8n-nodes-base (community, credentials and nodes configs), the classic linter;
// - @n8n/eslint-plugin-community-nodes `recommended`, what n8n's verification scanner applies.
// Tests, the sandbox server and scripts get ordinary TypeScript/JavaScript lint. n8n's scanner
// itself runs last in `npm run lint` (scripts/verification-gate.mjs), on the source and the tarball.
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import * as jsoncParser from 'jsonc-eslint-parser';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/e2e/screenshots/**'] },
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: shipped,
		extends: [tseslint.configs.recommended],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { 'no-console': 'error' },
	},
	{ files: shipped, ...communityNodes.configs.recommended, ignores: [] },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Applies to n8n's own repository only (its docs say so); ours is a full https URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two demand the string 'main', which the scanner's node-connection-type-literal rule
			// forbids in favour of NodeConnectionTypes.Main; the scanner wins.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts'],
		extends: [tseslint.configs.recommended],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
	},
	{
		files: ['sandbox/**/*.js', 'scripts/**/*.js', 'test/**/*.js', 'gulpfile.js', 'index.js', 'jest.config.js'],
		extends: [tseslint.configs.recommended],
		languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.jest } },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{
		files: ['scripts/**/*.mjs'],
		extends: [tseslint.configs.recommended],
		languageOptions: { sourceType: 'module', globals: globals.node },
	},
);
