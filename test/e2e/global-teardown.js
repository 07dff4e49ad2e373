// @ts-check
'use strict';

const fs = require('node:fs');
const path = require('node:path');

module.exports = async function globalTeardown() {
	const tgz = process.env.DEEPIDV_E2E_TGZ;
	if (tgz) fs.rmSync(path.dirname(tgz), { recursive: true, force: true });
};
