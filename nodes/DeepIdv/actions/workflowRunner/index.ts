import { defineResource } from '../resource';
import * as createSession from './createSession.operation';
import * as runWithFiles from './runWithFiles.operation';
import * as start from './start.operation';
import * as submitStep from './submitStep.operation';

/**
 * DeepIDV's Workflow Runner: a workflow's sessions run from n8n instead of DeepIDV's hosted pages.
 * A resource of its own rather than more Session operations: these sessions invite nobody, and
 * their operations work step by step, where Session's work on whole hosted sessions.
 */
export const { operations, description } = defineResource(
	'workflowRunner',
	[
		{
			name: 'Create Headless Session',
			value: 'createSession',
			description: 'Create a session of a workflow that invites nobody, and get its steps and their requirements',
			action: 'Create a headless session',
			run: createSession,
		},
		{
			name: 'Run With Files',
			value: 'runWithFiles',
			description: "Run a workflow's steps for the item from its files and fields, up to the end or to a step only the applicant can do",
			action: 'Run a workflow with files',
			run: runWithFiles,
		},
		{
			name: 'Start Workflow',
			value: 'start',
			description: 'Check that a headless session can still run, and get its workflow state (changes nothing)',
			action: 'Start a workflow',
			run: start,
		},
		{
			name: 'Submit Step',
			value: 'submitStep',
			description: "Submit a headless session's current step: its files, fields or next phase",
			action: 'Submit a step',
			run: submitStep,
		},
	],
	'runWithFiles',
);
