import { Container } from '@n8n/di';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { BinaryData } from 'n8n-core';
import { BinaryDataConfig, BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

/**
 * Where n8n keeps binary data: in the item itself (n8n's "default" mode), on disk ("filesystem", the
 * default of a regular n8n) or in the database ("database", the default in queue mode).
 */
export type BinaryMode = 'memory' | 'filesystem' | 'database';

/**
 * A stand-in for n8n's database binary data manager (part of n8n's server, not of n8n-core): files
 * are rows held whole and streamed from memory, ids are `database:<n>`. What matters to a node is
 * that it can only reach them through n8n's binary helpers.
 */
class TestDatabaseManager implements BinaryData.Manager {
	readonly rows = new Map<string, { data: Buffer; fileName?: string; mimeType?: string }>();

	private next = 0;

	async init() {}

	async store(_location: BinaryData.FileLocation, bufferOrStream: Buffer | Readable, metadata: BinaryData.PreWriteMetadata) {
		const chunks: Buffer[] = [];
		if (Buffer.isBuffer(bufferOrStream)) chunks.push(bufferOrStream);
		else for await (const chunk of bufferOrStream) chunks.push(chunk as Buffer);
		const data = Buffer.concat(chunks);
		const fileId = `row-${++this.next}`;
		this.rows.set(fileId, { data, fileName: metadata.fileName, mimeType: metadata.mimeType });
		return { fileId, fileSize: data.length };
	}

	private row(fileId: string) {
		const row = this.rows.get(fileId);
		if (!row) throw new Error(`no binary data row ${fileId}`);
		return row;
	}

	getPath(fileId: string): string {
		throw new Error(`database binary data ${fileId} has no file path`);
	}

	async getAsBuffer(fileId: string) {
		return Buffer.from(this.row(fileId).data);
	}

	async getAsStream(fileId: string) {
		return Readable.from([this.row(fileId).data]);
	}

	async getMetadata(fileId: string) {
		const { data, fileName, mimeType } = this.row(fileId);
		return { fileName, mimeType, fileSize: data.length };
	}

	async copyByFileId(_location: BinaryData.FileLocation, fileId: string) {
		const copyId = `row-${++this.next}`;
		this.rows.set(copyId, { ...this.row(fileId) });
		return copyId;
	}

	async copyByFilePath(): Promise<{ fileId: string; fileSize: number }> {
		throw new Error('not used by these tests');
	}

	async rename(oldFileId: string, newFileId: string) {
		this.rows.set(newFileId, this.row(oldFileId));
		this.rows.delete(oldFileId);
	}
}

/** The binary data mode in force and, outside memory, the folder n8n-core stores files in. */
export interface BinaryDataStore {
	readonly mode: BinaryMode;
	readonly folder: string;
}

let current: BinaryDataStore = { mode: 'memory', folder: '' };

/** The mode the test workflows store files in right now (memory until a test sets one). */
export function currentBinaryDataStore(): BinaryDataStore {
	return current;
}

/**
 * Switches n8n-core's binary data service (a process-wide singleton) to a mode, files in a fresh
 * temp folder; returns how to go back to the mode that was in force before.
 */
export async function setBinaryDataMode(mode: BinaryMode): Promise<() => Promise<void>> {
	const before = current;
	const folder = mkdtempSync(join(tmpdir(), 'deepidv-binary-'));
	await apply({ mode, folder });
	if (mode === 'database') Container.get(BinaryDataService).setManager('database', new TestDatabaseManager());
	return async () => {
		await apply(before);
		rmSync(folder, { recursive: true, force: true });
	};
}

async function apply(store: BinaryDataStore) {
	const config = Container.get(BinaryDataConfig);
	// Memory is n8n's "default" mode; its storage path is never used.
	config.mode = store.mode === 'memory' ? 'default' : store.mode;
	if (store.folder) config.localStoragePath = store.folder;
	await Container.get(BinaryDataService).init();
	current = store;
}

/**
 * Runs the calling `describe`'s tests with n8n's binary data in `mode`; nested calls override it
 * for their own `describe`. Returns the store in force (read it inside tests).
 */
export function useBinaryDataMode(mode: BinaryMode): { readonly store: BinaryDataStore } {
	let restore: (() => Promise<void>) | undefined;
	const holder = { store: current };
	beforeAll(async () => {
		restore = await setBinaryDataMode(mode);
		holder.store = current;
	});
	afterAll(async () => {
		await restore?.();
	});
	return holder;
}

/** The binary id prefix each mode gives stored files (none in memory: the bytes are in the item). */
const ID_PREFIX: Record<BinaryMode, RegExp | undefined> = {
	memory: undefined,
	filesystem: /^filesystem-v2:/,
	database: /^database:/,
};

/**
 * Why `binary` is not stored the way the mode in force stores files, or undefined when it is: in
 * memory the bytes are in the item and there is no id; on disk the id is `filesystem-v2:…` and
 * names a file inside the temp storage folder; in the database the id is `database:…`.
 */
export function wrongStorage(binary: IBinaryData, store: BinaryDataStore = current): string | undefined {
	const prefix = ID_PREFIX[store.mode];
	if (!prefix) return binary.id === undefined ? undefined : `has the id ${binary.id} in memory mode`;
	if (!binary.id || !prefix.test(binary.id)) return `has the id ${binary.id} in ${store.mode} mode`;
	if (store.mode !== 'filesystem') return undefined;
	const path = Container.get(BinaryDataService).getPath(binary.id);
	if (!path.startsWith(`${store.folder}/`) || !existsSync(path)) return `is not a file in ${store.folder} (${path})`;
	return undefined;
}
