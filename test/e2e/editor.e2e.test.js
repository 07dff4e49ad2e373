// @ts-check
'use strict';

/**
 * A person's path through the n8n editor, in Debian's Chromium driven by playwright-core: sign in,
 * start a workflow, find DeepIDV in the node panel, pick "Update session status", create the
 * credential (n8n tests it on save), fill Session and Status, run the step. Screenshots land in
 * test/e2e/screenshots/. Neither n8n nor the browser may reach anything outside this computer,
 * apart from the editor's npm look-up of the package.
 */

const fs = require('node:fs');
const path = require('node:path');
const { chromium, selectors } = require('playwright-core');
const { name: PACKAGE_NAME } = require('../../package.json');
const { startSandbox } = require('../../sandbox');
const { instanceWithPackage } = require('./fixtures');

const { CHROMIUM } = require('../../scripts/lib/chromium');
// Headless on a machine whose only network is loopback: no GPU, no background connections.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
const SCREENSHOTS = path.join(__dirname, 'screenshots');

/** @type {import('../../sandbox').Sandbox} */
let sandbox;
/** @type {import('../../scripts/lib/n8n-instance').N8nInstance} */
let n8n;
/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
/** @type {{ email: string, password: string }} */
let owner;
/** Every URL the page requested from anywhere but n8n. @type {string[]} */
const foreignRequests = [];

beforeAll(async () => {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	sandbox = await startSandbox();
	n8n = await instanceWithPackage();
	await n8n.start();
	({ owner } = await n8n.setupOwner());
	selectors.setTestIdAttribute('data-test-id'); // n8n's attribute, not Playwright's data-testid
	// Playwright gives every launch a fresh temporary profile (user data dir).
	browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(60_000); // the editor is slow to load on two busy cores
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (/^(https?|wss?):$/.test(url.protocol) && url.host !== new URL(n8n.baseUrl).host) foreignRequests.push(url.href);
	});
});

afterAll(async () => {
	await browser?.close();
	await n8n?.dispose();
	await sandbox?.close();
});

/**
 * Saves a screenshot of the page, or of one element of it, without the toasts in the corner.
 * @param {string} name @param {import('playwright-core').Locator} [element]
 */
const screenshot = (name, element) =>
	(element ?? page).screenshot({
		path: path.join(SCREENSHOTS, `${name}.png`),
		animations: 'disabled', // panels slide in
		style: '.el-notification { display: none !important; }',
	});

/**
 * n8n's editor looks every community package up on npm (author, downloads, issue link) when it
 * shows the node's details; that is the one outside request the editor is allowed.
 */
const NPM_LOOKUP = new RegExp(`^https://(registry|api)\\.npmjs\\.org/(.+/)?${PACKAGE_NAME}$`);

describe('DeepIDV in the n8n editor', () => {
	it('is found in the node panel, gets its credential tested, and runs "Update session status"', async () => {
		await page.goto(`${n8n.baseUrl}/signin`);
		await page.getByTestId('emailOrLdapLoginId').locator('input').fill(owner.email);
		await page.getByTestId('password').locator('input').fill(owner.password);
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

		// A new workflow starts from a Manual Trigger; DeepIDV is added behind it with the node's "+".
		await page.goto(`${n8n.baseUrl}/workflow/new`);
		const nodePanel = page.getByTestId('node-creator');
		await page.getByTestId('canvas-add-button').click();
		await page.getByTestId('node-creator-search-bar').fill('Manual');
		await nodePanel.getByTestId('node-creator-item-name').filter({ hasText: /^Manual Trigger$/ }).click();
		await page.getByTestId('canvas-handle-plus').click();
		await page.getByTestId('node-creator-search-bar').fill('DeepIDV');
		await nodePanel.getByTestId('node-creator-item-name').filter({ hasText: /^DeepIDV$/ }).click();
		const action = nodePanel.getByText('Update session status', { exact: true });
		await action.waitFor();
		await screenshot('node-panel-actions');
		await action.click();

		// No credential exists yet: create one from the node. n8n tests it when it is saved.
		const ndv = page.getByTestId('ndv');
		await ndv.getByTestId('parameter-input-sessionId').waitFor();
		await ndv.getByTestId('node-credentials-empty-state').getByText('Connect to DeepIDV').click();
		const credentialModal = page.getByTestId('editCredential-modal');
		await credentialModal.getByTestId('parameter-input-apiKey').locator('input').fill(sandbox.keys.live);
		await credentialModal.getByTestId('parameter-input-baseUrl').locator('input').fill(sandbox.url);
		await screenshot('credential', credentialModal);
		const tested = page.waitForResponse((response) => response.url().endsWith('/rest/credentials/test'));
		await credentialModal.getByTestId('credential-save-button').click();
		expect((await (await tested).json()).data).toMatchObject({ status: 'OK' });
		await credentialModal.waitFor({ state: 'hidden' });
		await expect(ndv.getByTestId('node-credentials-select').locator('input').inputValue()).resolves.toBe(
			'DeepIDV account',
		);

		await ndv.getByTestId('rlc-input').fill('test_pending');
		await ndv.getByTestId('parameter-input-status').click();
		const options = await page.getByRole('option').allInnerTexts();
		expect(options.map((option) => option.split('\n')[0])).toEqual(['Rejected', 'Verified']);
		await page.getByRole('option', { name: 'Verified' }).click();
		await screenshot('update-status-parameters', ndv);

		sandbox.clearRequests();
		await ndv.getByTestId('node-execute-button').click();
		const output = ndv.getByTestId('output-panel');
		await output.getByTestId('ndv-run-data-display-mode').getByText('JSON', { exact: true }).click();
		await output.getByText('"VERIFIED"').waitFor();
		await screenshot('update-status-output', ndv);

		expect(sandbox.getSession('test_pending')?.session_record.status).toBe('VERIFIED');
		expect(sandbox.requests.map(({ method, path: urlPath }) => `${method} ${urlPath}`)).toEqual([
			'PATCH /v1/sessions/test_pending/update-status',
		]);
	});

	it('reached nothing outside this computer, neither from the browser nor from n8n', () => {
		expect(foreignRequests.filter((url) => !NPM_LOOKUP.test(url))).toEqual([]);
		expect(n8n.outboundConnections()).toEqual([]);
	});
});
