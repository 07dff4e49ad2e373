import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IBinaryKeyData, INodeParameters } from 'n8n-workflow';
import { BINARY_IN_JSON_PROPERTY } from 'n8n-workflow';

import { sandboxImage, type ImageSpec, type Sandbox, type SandboxOptions } from '../../sandbox';
import type { BinaryDataStore } from './binaryData';
import { useBinaryDataMode, wrongStorage } from './binaryData';
import type { DeepIdvRun } from './engine';
import { runDeepIdv } from './engine';
import type { TestFile } from './nodeTypes';
import { sandboxCredential, useSandbox } from './sandbox';

const MIME = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;

/** An item's file for the test trigger, and its bytes (for assertions; never handed to the trigger). */
export interface FileFixture {
	file: TestFile;
	bytes: Buffer;
}

/** A sandbox image as an item's file (bytes inline), with the MIME type n8n would record for it. */
export function imageFile(spec: ImageSpec = {}, fileName?: string): FileFixture {
	const bytes = sandboxImage(spec);
	const format = spec.format ?? 'png';
	const name = fileName ?? `photo.${format === 'jpeg' ? 'jpg' : format}`;
	return { bytes, file: { base64: bytes.toString('base64'), mimeType: MIME[format], fileName: name } };
}

/** Any bytes as an item's file. */
export function rawFile(bytes: Buffer, mimeType: string, fileName: string): FileFixture {
	return { bytes, file: { base64: bytes.toString('base64'), mimeType, fileName } };
}

/**
 * Large files written to a temp folder for the calling `describe` (the test trigger streams them
 * into n8n's binary data store, as a Form Trigger does with an upload).
 */
export function useTempFiles() {
	let folder = '';
	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'deepidv-files-'));
	});
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	return {
		/** Writes the image and returns it as a file on disk. */
		image(name: string, spec: ImageSpec): FileFixture {
			const { bytes, file } = imageFile(spec, name);
			const path = join(folder, name);
			writeFileSync(path, bytes);
			return { bytes, file: { path, mimeType: file.mimeType, fileName: name } };
		},
	};
}

/** Runs Manual Trigger → DeepIDV with one item per entry of `files` (an item without files for undefined). */
export async function runWithFiles(
	sb: Sandbox,
	parameters: INodeParameters,
	files: Array<Record<string, TestFile> | undefined>,
	extra: { continueOnFail?: boolean } = {},
) {
	const result = await runDeepIdv({ parameters, files, input: files.map(() => ({})), credential: sandboxCredential(sb), ...extra });
	expectFilesStoredInMode(result);
	return result;
}

/**
 * Fails the test unless every file the trigger made is stored the way the binary data mode in force
 * stores files (e.g. on disk, in the temp storage folder, for filesystem), so no file test can pass
 * while n8n silently kept its files elsewhere.
 */
export function expectFilesStoredInMode(result: DeepIdvRun): void {
	const items = result.run.data.resultData.runData['Manual Trigger'][0].data!.main[0]!;
	for (const [index, item] of items.entries()) {
		const files = { ...item.binary, ...((item.json[BINARY_IN_JSON_PROPERTY] ?? {}) as IBinaryKeyData) };
		for (const [field, binary] of Object.entries(files)) {
			const wrong = wrongStorage(binary);
			if (wrong) throw new Error(`The file "${field}" of item ${index} ${wrong}`);
		}
	}
}

/**
 * A fresh sandbox per test (useSandbox, with `options`), n8n's binary data on disk (`filesystem`, the default of a
 * regular n8n 2.x and the fallback of n8n 3.0; nested `useBinaryDataMode` calls override it) and
 * `run(parameters, files)`: Manual Trigger → DeepIDV against it, one item per entry of `files`.
 */
export function useFileChecks(options: SandboxOptions = {}) {
	const env = useSandbox(options);
	const binary = useBinaryDataMode('filesystem');
	return {
		get sb(): Sandbox {
			return env.sb;
		},
		/** The binary data mode the calling `describe` set up, and its storage folder. */
		get binaryStore(): BinaryDataStore {
			return binary.store;
		},
		run: (parameters: INodeParameters, files: Array<Record<string, TestFile> | undefined>, extra: { continueOnFail?: boolean } = {}) =>
			runWithFiles(env.sb, parameters, files, extra),
	};
}
