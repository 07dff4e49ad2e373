import { Container } from '@n8n/di';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { BinaryData } from 'n8n-core';
import { BinaryDataConfig, BinaryDataService } from 'n8n-core';

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

/** Switches n8n-core's binary data service (a process-wide singleton) to a mode; returns how to undo it. */
export async function setBinaryDataMode(mode: BinaryMode): Promise<() => Promise<void>> {
	const config = Container.get(BinaryDataConfig);
	const service = Container.get(BinaryDataService);
	const folder = mkdtempSync(join(tmpdir(), 'deepidv-binary-'));
	config.localStoragePath = folder;
	config.mode = mode === 'memory' ? 'default' : mode;
	await service.init();
	if (mode === 'database') service.setManager('database', new TestDatabaseManager());
	return async () => {
		config.mode = 'default';
		await service.init();
		rmSync(folder, { recursive: true, force: true });
	};
}

/** Runs the calling `describe`'s tests with n8n's binary data in `mode`. */
export function useBinaryDataMode(mode: BinaryMode): void {
	let restore: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		restore = await setBinaryDataMode(mode);
	});
	afterAll(async () => {
		await restore?.();
	});
}
