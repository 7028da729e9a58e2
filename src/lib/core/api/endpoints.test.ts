import { describe, expect, it } from 'vitest';
import en from '../../i18n/messages/en/api.json' with { type: 'json' };
import { csvPath, ENDPOINTS, LIST_ENDPOINTS, listEndpoint } from './endpoints';
import { QUERY_PARAMETERS } from './params';

const catalog = en as Record<string, string>;

describe('endpoint declarations', () => {
	it('have unique paths and operation ids, and single records under their list', () => {
		expect(new Set(ENDPOINTS.map((e) => e.path)).size).toBe(ENDPOINTS.length);
		expect(new Set(ENDPOINTS.map((e) => e.operationId)).size).toBe(ENDPOINTS.length);
		for (const e of ENDPOINTS.filter((x) => x.kind === 'item')) expect(e.path).toBe(`${listEndpoint(e.name).path}/{slug}`);
		expect(csvPath(listEndpoint('bodies'))).toBe('/bodies.csv');
	});

	it('name only filters that exist', () => {
		for (const e of LIST_ENDPOINTS) for (const f of e.filters) expect(Object.keys(QUERY_PARAMETERS)).toContain(f);
	});

	it('each have the English text the open-data page shows', () => {
		for (const e of LIST_ENDPOINTS) {
			expect(catalog[`api.list.${e.name}`], e.name).toBeTruthy();
			expect(catalog[`api.list.${e.name}.description`], e.name).toBeTruthy();
			for (const f of e.filters) expect(catalog[`api.filter.${f}`], f).toBeTruthy();
		}
		for (const e of ENDPOINTS.filter((x) => x.kind === 'item')) expect(catalog[`api.item.${e.name}`], e.name).toBeTruthy();
	});
});
