import { isDeepStrictEqual } from 'node:util';

/**
 * The package's rule for simplified outputs (docs/development.md, "Simplified outputs"): a
 * simplified item is a subset of DeepIDV's answer under DeepIDV's own names and types, plus derived
 * fields, named in `derived`, that never reuse a DeepIDV name with another type.
 *
 * Checked by name, at any depth (a simplified item may bring a field up from a nested object, e.g.
 * `session_record.status` → `status`):
 * - a field not declared derived must be a name of DeepIDV's answer, with one of the types that name
 *   has there and, for a plain value (not an object, nor a list of objects), one of the values it has there;
 * - a derived field must not be a name of DeepIDV's answer with another type;
 * - a DeepIDV field this answer lacks may be shown as null (declared in `absent`);
 * - objects and lists are walked into, derived or not.
 */
type Kind = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean';

const kindOf = (value: unknown): Kind =>
	value === null || value === undefined ? 'null' : Array.isArray(value) ? 'array' : (typeof value as Kind);

/** A value compared as a whole: neither an object nor a list holding one (those are walked into). */
const isPlain = (value: unknown): boolean => kindOf(value) !== 'object' && !(Array.isArray(value) && value.some((entry) => kindOf(entry) === 'object'));

/** Every name in `answer`, at any depth, with the values it has. */
function namesOf(answer: unknown, names = new Map<string, unknown[]>()): Map<string, unknown[]> {
	if (Array.isArray(answer)) for (const entry of answer) namesOf(entry, names);
	else if (answer && typeof answer === 'object') {
		for (const [key, value] of Object.entries(answer)) {
			names.set(key, [...(names.get(key) ?? []), value]);
			namesOf(value, names);
		}
	}
	return names;
}

export interface NamingRuleOptions {
	/** Fields the simplified item works out, not in DeepIDV's answer. */
	derived: readonly string[];
	/** DeepIDV fields this answer happens not to have, which the simplified item shows as null. */
	absent?: readonly string[];
	/** Names whose values change from one identical call to the next (IDs, times): their values are not compared. */
	volatile?: ReadonlySet<string>;
}

/** Names whose values differ between two answers to the same call, e.g. a new job ID or a time. */
export function volatileNames(first: unknown, second: unknown): Set<string> {
	const a = namesOf(first);
	const b = namesOf(second);
	return new Set([...a.keys()].filter((key) => !isDeepStrictEqual(a.get(key), b.get(key))));
}

/** Where `simplified` breaks the rule against `raw`, one line per field; empty when it keeps it. */
export function namingRuleViolations(raw: unknown, simplified: unknown, { derived, absent = [], volatile = new Set() }: NamingRuleOptions): string[] {
	const names = namesOf(raw);
	const problems: string[] = [];
	const walk = (value: unknown, path: string) => {
		if (Array.isArray(value)) return value.forEach((entry, index) => walk(entry, `${path}[${index}]`));
		if (!value || typeof value !== 'object') return;
		for (const [key, child] of Object.entries(value)) {
			const at = path ? `${path}.${key}` : key;
			const seen = names.get(key);
			const kinds = [...new Set((seen ?? []).map(kindOf))];
			if (derived.includes(key)) {
				if (seen && !kinds.includes(kindOf(child))) {
					problems.push(`${at}: a derived field under DeepIDV's name "${key}" with another type (${kindOf(child)}; DeepIDV's is ${kinds.join(' or ')}). Name it apart.`);
				}
			} else if (!seen && absent.includes(key)) {
				if (child !== null) problems.push(`${at}: declared absent from this answer, so it must be null, not ${JSON.stringify(child)}.`);
			} else if (!seen) {
				problems.push(`${at}: "${key}" is not a name in DeepIDV's answer. Use DeepIDV's name, or declare it as a derived field.`);
			} else if (!kinds.includes(kindOf(child))) {
				problems.push(`${at}: ${kindOf(child)}, but DeepIDV's "${key}" is ${kinds.join(' or ')}.`);
			} else if (isPlain(child) && !volatile.has(key) && !seen.some((rawValue) => isDeepStrictEqual(rawValue, child))) {
				problems.push(`${at}: ${JSON.stringify(child)} is not a value DeepIDV's "${key}" has in the answer (${JSON.stringify(seen)}).`);
			}
			walk(child, at);
		}
	};
	walk(simplified, '');
	return problems;
}
