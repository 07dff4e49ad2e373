import { requestOptions } from '../../dist/nodes/DeepIdv/actions/requestOptions';
import { DEFAULTS } from '../../dist/nodes/DeepIdv/transport/settings';

it('the Options shown in the editor default to what the transport uses', () => {
	const shown = Object.fromEntries((requestOptions.options ?? []).map((option) => [option.name, 'default' in option ? option.default : undefined]));
	expect(shown).toEqual({ ...DEFAULTS });
});
