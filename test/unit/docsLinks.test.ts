import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DeepIdv } from '../../dist/nodes/DeepIdv/DeepIdv.node';

/**
 * The documentation's links. npm shows only README.md, so every README link is an absolute GitHub
 * link built from package.json's repository; docs/ pages, read on GitHub, link relatively. Every
 * internal link must reach an existing file and, with an #anchor, a heading of it (GitHub's slugs);
 * external links may go only to a few hosts. And every operation of the DeepIDV node is one click
 * from the README's table.
 */

type Token = MarkdownIt.Token;

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository: { url: string } };
const repo = /github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(manifest.repository.url)?.[1];

/** A README link is one of these followed by a path in the repository: the file on GitHub at main. */
const GITHUB_PREFIXES = [
	`https://github.com/${repo}/blob/main/`,
	`https://github.com/${repo}/tree/main/`,
	`https://raw.githubusercontent.com/${repo}/main/`,
];

/** External links may go only here: DeepIDV's site and docs, n8n's docs, npm. */
const ALLOWED_HOSTS = ['www.deepidv.com', 'docs.deepidv.com', 'docs.n8n.io', 'www.npmjs.com'];

const markdown = new MarkdownIt({ html: true });

interface Link {
	file: string;
	line: number;
	href: string;
}

interface Page {
	file: string;
	text: string;
	tokens: Token[];
	links: Link[];
	/** GitHub's anchor of each heading → the heading's text. */
	headings: Map<string, string>;
}

/** The text GitHub makes a heading's slug from (and a table cell's plain text). */
function inlineText(inline: Token): string {
	return (inline.children ?? [])
		.filter((child) => child.type === 'text' || child.type === 'code_inline')
		.map((child) => child.content)
		.join('');
}

const pages = new Map<string, Page>();

/** A markdown file of the repository, parsed once. */
function page(file: string): Page {
	const known = pages.get(file);
	if (known) return known;
	const text = readFileSync(join(root, file), 'utf8');
	const tokens = markdown.parse(text, {});
	const slugger = new GithubSlugger();
	const links: Link[] = [];
	const headings = new Map<string, string>();
	tokens.forEach((token, index) => {
		if (token.type === 'heading_open') {
			const heading = inlineText(tokens[index + 1]);
			headings.set(slugger.slug(heading), heading);
		}
		if (token.type !== 'inline') return;
		for (const child of token.children ?? []) {
			const href = child.type === 'link_open' ? child.attrGet('href') : child.type === 'image' ? child.attrGet('src') : null;
			if (href !== null) links.push({ file, line: (token.map?.[0] ?? 0) + 1, href: String(href) });
		}
	});
	const parsed = { file, text, tokens, links, headings };
	pages.set(file, parsed);
	return parsed;
}

const docs = readdirSync(join(root, 'docs'))
	.filter((name) => name.endsWith('.md'))
	.map((name) => `docs/${name}`);
const readme = page('README.md');

/** Where a link goes: a repository path and an anchor, or an external URL. */
function target(link: Link): { path: string; anchor?: string } | { external: URL } | { problem: string } {
	const hash = link.href.indexOf('#');
	const address = hash === -1 ? link.href : link.href.slice(0, hash);
	const anchor = hash === -1 ? undefined : decodeURIComponent(link.href.slice(hash + 1));
	if (/^[a-z][a-z0-9+.-]*:/i.test(link.href)) {
		const prefix = GITHUB_PREFIXES.find((candidate) => address.startsWith(candidate));
		if (!prefix) return { external: new URL(link.href) };
		if (link.file !== 'README.md') return { problem: 'docs pages link to repository files with relative links' };
		return { path: decodeURI(address.slice(prefix.length)), anchor };
	}
	if (link.file === 'README.md') return { problem: 'README links must be absolute GitHub links (npm shows only the README)' };
	const path = address === '' ? link.file : posix.normalize(posix.join(posix.dirname(link.file), decodeURI(address)));
	return { path, anchor };
}

/** What is wrong with a link, or undefined when it works. */
function problem(link: Link): string | undefined {
	const to = target(link);
	if ('problem' in to) return to.problem;
	if ('external' in to) {
		return to.external.protocol === 'https:' && ALLOWED_HOSTS.includes(to.external.host)
			? undefined
			: `external links may go only to ${ALLOWED_HOSTS.join(', ')} over https`;
	}
	if (to.path.startsWith('..') || to.path === '') return 'points outside the repository';
	if (!existsSync(join(root, to.path))) return `${to.path} does not exist`;
	if (to.anchor === undefined) return undefined;
	if (!to.path.endsWith('.md')) return `an anchor on ${to.path}, which is not a markdown page`;
	return page(to.path).headings.has(to.anchor) ? undefined : `${to.path} has no heading #${to.anchor}`;
}

const properties = new DeepIdv().description.properties;
const resources = properties.find((property) => property.name === 'resource')?.options as INodePropertyOptions[];

/** Every operation of the DeepIDV node as "Resource → Operation", as the node panel names them. */
const nodeOperations = resources.flatMap((resource) => {
	const operation = properties.find(
		(property: INodeProperties) =>
			property.name === 'operation' && (property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource.value as string),
	);
	return ((operation?.options ?? []) as INodePropertyOptions[]).map((option) => `${resource.name} → ${option.name}`);
});

/** The README's table of operations: "Resource → Operation" → the link of the operation's cell. */
function readmeOperations(): Map<string, Link | undefined> {
	const rows: Token[][] = [];
	let row: Token[] | undefined;
	for (const token of readme.tokens) {
		if (token.type === 'tr_open') row = [];
		if (token.type === 'inline' && row) row.push(token);
		if (token.type === 'tr_close' && row) {
			rows.push(row);
			row = undefined;
		}
	}
	const header = rows.findIndex((cells) => cells.map(inlineText).join('|') === 'Resource|Operation|DeepIDV API call');
	const table = new Map<string, Link | undefined>();
	for (const cells of rows.slice(header + 1)) {
		if (cells.length !== 3) break;
		const href = cells[1].children?.find((child) => child.type === 'link_open')?.attrGet('href');
		const line = (cells[1].map?.[0] ?? 0) + 1;
		table.set(`${inlineText(cells[0])} → ${inlineText(cells[1])}`, href ? { file: 'README.md', line, href: String(href) } : undefined);
	}
	return table;
}

describe('README.md', () => {
	it('is at most 300 lines', () => {
		expect(readme.text.trimEnd().split('\n').length).toBeLessThanOrEqual(300);
	});

	it('builds its links from the repository in package.json', () => {
		expect(repo).toBe('deepidv-community/n8n-nodes-deepidv-api');
	});

	it('has no relative links', () => {
		expect(readme.links.filter((link) => !link.href.startsWith('https://'))).toEqual([]);
	});
});

describe.each(['README.md', ...docs])('links in %s', (file) => {
	it('all lead to an existing file, heading or allowed host', () => {
		const broken = page(file)
			.links.map((link) => ({ line: link.line, href: link.href, problem: problem(link) }))
			.filter((link) => link.problem !== undefined);
		expect(broken).toEqual([]);
	});
});

describe('the README table of operations', () => {
	const table = readmeOperations();
	const expected = nodeOperations;

	it.each(expected)('links %s to its section', (operation) => {
		const link = table.get(operation);
		expect({ operation, linked: link !== undefined }).toEqual({ operation, linked: true });
		if (!link) return;
		expect({ operation, problem: problem(link) }).toEqual({ operation, problem: undefined });
		const to = target(link);
		const heading = 'path' in to && to.anchor !== undefined ? page(to.path).headings.get(to.anchor) : undefined;
		expect(heading).toContain(operation.split(' → ')[1]);
	});

	it('lists only operations the node has', () => {
		expect([...table.keys()].sort()).toEqual([...expected].sort());
	});
});
