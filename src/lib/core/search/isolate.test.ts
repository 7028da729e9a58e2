import { describe, expect, it } from 'vitest';
import { isolate } from './isolate';

describe('isolate', () => {
	it('wraps the text between FSI and PDI, leaving it unchanged', () => {
		expect(isolate('sovereign')).toBe('\u2068sovereign\u2069');
		expect(isolate('سيادة').slice(1, -1)).toBe('سيادة');
	});
});
