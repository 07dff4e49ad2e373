// @ts-check
'use strict';
// Time units and the timestamp format of DeepIDV's records.

const MINUTE = 60e3;
const HOUR = 60 * MINUTE;

/** ISO-8601 UTC, as DeepIDV writes its timestamps. @param {number} ms epoch ms */
const iso = (ms) => new Date(ms).toISOString();

module.exports = { MINUTE, HOUR, iso };
