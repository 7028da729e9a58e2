import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
	it('keeps paths on this site, with their query and fragment', () => {
		expect(safeNextPath('/en/account')).toBe('/en/account');
		expect(safeNextPath('/fr/bodies/wgec-2016?tab=x#top')).toBe('/fr/bodies/wgec-2016?tab=x#top');
	});

	it.each([
		['//evil.example/x'],
		['/\\evil.example'],
		['https://evil.example/'],
		['javascript:alert(1)'],
		['en/account'],
		['/\t/evil.example'],
		['/%0a/x\n'],
		[''],
		[null],
		[undefined]
	])('refuses %j', (next) => {
		expect(safeNextPath(next)).toBeNull();
	});

	it('never returns an address that leaves the site', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), (s) => {
				const out = safeNextPath(s);
				if (out === null) return true;
				return out.startsWith('/') && !out.startsWith('//') && new URL(out, 'https://plenary.example').host === 'plenary.example';
			})
		);
	});
});
