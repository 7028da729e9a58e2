import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi';
import { csvPath, ENDPOINTS, LIST_ENDPOINTS, OPENAPI_PATH } from './endpoints';
import { LIMIT_MAX } from './params';
import { apiSchemas, BodyRecord } from './records';

type Json = Record<string, unknown>;
const doc = buildOpenApi() as Json & { paths: Record<string, Json>; components: { schemas: Record<string, Json> } };

/** Every `$ref` anywhere in a JSON value. */
function refsIn(value: unknown, out: string[] = []): string[] {
	if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			if (k === '$ref' && typeof v === 'string') out.push(v);
			else refsIn(v, out);
		}
	}
	return out;
}

/** Resolves a local JSON pointer ("#/components/schemas/BodyRecord") in the document. */
function resolve(pointer: string): unknown {
	if (!pointer.startsWith('#/')) return undefined;
	return pointer
		.slice(2)
		.split('/')
		.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
		.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}

describe('OpenAPI document', () => {
	it('is OpenAPI 3.1 with JSON Schema 2020-12 and a relative server address', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
		expect(doc.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
	});

	it('has a JSON path and a .csv path for every list, a path for every single record, and itself', () => {
		const expected = [...ENDPOINTS.flatMap((e) => (e.kind === 'list' ? [e.path, csvPath(e)] : [e.path])), OPENAPI_PATH].sort();
		expect(Object.keys(doc.paths).sort()).toEqual(expected);
	});

	it('resolves every $ref inside the document', () => {
		const refs = refsIn(doc);
		expect(refs.length).toBeGreaterThan(20);
		for (const ref of refs) expect(resolve(ref), ref).toBeDefined();
	});

	it('names each registered record schema as a component, without per-schema $id or $schema', () => {
		const registered = Object.keys(doc.components.schemas);
		expect(registered).toEqual(expect.arrayContaining(['BodyRecord', 'ContributionRecord', 'DocumentDetail', 'UnitRecord', 'Problem', 'ContributionList', 'CallRecord', 'CallList', 'CallCategoryRecord']));
		for (const [id, schema] of Object.entries(doc.components.schemas)) {
			expect(schema.$id, id).toBeUndefined();
			expect(schema.$schema, id).toBeUndefined();
			expect(typeof schema.description, id).toBe('string');
		}
		expect(apiSchemas.get(BodyRecord)?.id).toBe('BodyRecord');
	});

	it('generates component schemas from the zod schemas (a field added there appears here)', () => {
		const body = doc.components.schemas.BodyRecord as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
		expect(Object.keys(body.properties)).toEqual(Object.keys(BodyRecord.shape));
		expect(body.required).toEqual(expect.arrayContaining(['slug', 'periodStart', 'categories']));
		expect(body.additionalProperties).toBe(false);
		const contribution = doc.components.schemas.ContributionRecord as { properties: Record<string, Json> };
		expect(contribution.properties.submitters).toEqual({ type: 'array', items: { $ref: '#/components/schemas/SubmitterRecord' } });
		expect(contribution.properties.status).toEqual({ type: 'string', enum: ['submitted', 'withdrawn'] });
		expect(Object.keys(contribution.properties)).toEqual(expect.arrayContaining(['call', 'late', 'revision', 'mergedInto', 'receivedAt', 'published']));
		const call = doc.components.schemas.CallRecord as { properties: Record<string, Json> };
		expect(call.properties.framework).toEqual({ type: 'array', items: { $ref: '#/components/schemas/CallCategoryRecord' } });
	});

	it('gives every operation a unique id, the problem answers, and the paging parameters from their zod schemas', () => {
		const ids = new Set<string>();
		for (const [path, item] of Object.entries(doc.paths)) {
			const op = item.get as Json & { operationId: string; responses: Record<string, Json>; parameters?: Json[] };
			expect(ids.has(op.operationId), op.operationId).toBe(false);
			ids.add(op.operationId);
			expect(op.responses['200']).toBeDefined();
			if (path.includes('{slug}')) {
				expect(op.parameters?.[0]).toMatchObject({ name: 'slug', in: 'path', required: true });
				expect(op.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
			}
		}
		const list = doc.paths['/contributions'].get as { parameters: { name: string; schema: Json }[]; responses: Record<string, Json> };
		expect(list.parameters.map((p) => p.name)).toEqual(['limit', 'offset', 'format', 'body', 'call', 'submitter']);
		expect(list.parameters[0].schema).toEqual({ type: 'integer', minimum: 1, maximum: LIMIT_MAX, default: 100 });
		expect(list.responses['400']).toEqual({ $ref: '#/components/responses/BadRequest' });
		const csv = doc.paths['/contributions.csv'].get as { parameters: { name: string; schema: Json }[] };
		expect(csv.parameters.map((p) => p.name)).toEqual(['limit', 'offset', 'body', 'call', 'submitter']);
		expect(csv.parameters[0].schema).toMatchObject({ default: LIMIT_MAX });
	});

	it('lists each CSV\'s columns as derived from the record schema', () => {
		for (const e of LIST_ENDPOINTS) {
			const op = doc.paths[csvPath(e)].get as { responses: { '200': { content: Record<string, { schema: { description: string } }> } } };
			const description = op.responses['200'].content['text/csv'].schema.description;
			expect(description).toMatch(/columns: id, /);
			for (const omitted of e.csvOmit) expect(description).not.toContain(omitted);
		}
	});
});
