import { useSandbox } from '../helpers/sandbox';
import { runOperation } from '../helpers/screening';

describe('Profile → Get and Get Many through the n8n engine', () => {
	const env = useSandbox();
	const createProfile = async (name: string) => {
		const response = await fetch(`${env.sb.url}/v1/profiles`, {
			method: 'POST',
			headers: { 'x-api-key': env.sb.keys.live, 'content-type': 'application/json' },
			body: JSON.stringify({ name }),
		});
		await new Promise((resolve) => setTimeout(resolve, 3));
		return (await response.json()) as { id: string };
	};

	it('Get outputs the profile as DeepIDV answers it', async () => {
		const { sb } = env;
		const { id } = await createProfile('Acme');
		sb.clearRequests();
		const { items } = await runOperation(sb, 'profile', 'get', { profileId: id });
		expect(sb.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([`GET /v1/profiles/${id}`]);
		expect(items).toEqual([{ json: sb.getProfile(id), pairedItem: { item: 0 } }]);
	});

	it('Get names the parameter when DeepIDV has no such profile, and refuses an empty ID before sending', async () => {
		const missing = await runOperation(env.sb, 'profile', 'get', { profileId: 'nope' });
		expect(missing.error?.message).toBe('The profile "nope" was not found in DeepIDV');
		expect(missing.error?.description).toBe('Check the Profile ID parameter: the ID must belong to a profile of the organisation that owns the API key.');
		env.sb.clearRequests();
		const empty = await runOperation(env.sb, 'profile', 'get', { profileId: '={{ "" }}' });
		expect(empty.error?.message).toBe('The Profile ID parameter is empty');
		expect(env.sb.requests).toEqual([]);
	});

	it('Get Many outputs every profile from the one answer (DeepIDV does not page it); Limit shortens the output', async () => {
		const { sb } = env;
		const ids = [];
		for (const name of ['A', 'B', 'C']) ids.push((await createProfile(name)).id);
		sb.clearRequests();
		const all = await runOperation(sb, 'profile', 'getMany', { returnAll: true });
		expect(all.items.map((item) => item.json.name)).toEqual(['C', 'B', 'A']);
		const two = await runOperation(sb, 'profile', 'getMany', { returnAll: false, limit: 2 });
		expect(two.items.map((item) => item.json.id)).toEqual([ids[2], ids[1]]);
		expect(sb.requests.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
			{ method: 'GET', path: '/v1/profiles', query: {} },
			{ method: 'GET', path: '/v1/profiles', query: {} },
		]);
	});
});
