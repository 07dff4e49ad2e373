// Types of example-files.js for the TypeScript tests.
export interface CredentialRef {
	readonly id: string;
	readonly name: string;
}
export interface ExampleConnection {
	node: string;
	type: string;
	index: number;
}
export interface ExampleNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: number[];
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	webhookId?: string;
	[setting: string]: unknown;
}
export interface ExampleWorkflow {
	name: string;
	nodes: ExampleNode[];
	connections: Record<string, Record<string, (ExampleConnection[] | null)[]>>;
	[field: string]: unknown;
}
export declare const EXAMPLES_DIR: string;
export declare const API_CREDENTIAL_REF: CredentialRef;
export declare const WEBHOOK_CREDENTIAL_REF: CredentialRef;
export declare function workflowIdOf(file: string): string;
export declare function readExamples(dir?: string): { file: string; workflow: ExampleWorkflow }[];
export declare function importable(example: { file: string; workflow: ExampleWorkflow }): ExampleWorkflow & { id: string; active: false };
