/**
 * The OpenAPI 3.1 document of the open-data API, built from the endpoint declarations and the
 * zod schemas that validate the records. OpenAPI 3.1 schemas are JSON Schema 2020-12, which is
 * what `z.toJSONSchema` writes with `target: 'draft-2020-12'`; `io: 'output'` describes what the
 * server sends (after any transform), and `unrepresentable: 'throw'` makes a schema that JSON
 * Schema cannot express (a Date, a transform without a pipe) fail here instead of being
 * silently documented as "anything".
 */
import { z } from 'zod';
import { columnsOf } from './csv';
import { API_BASE, csvPath, ENDPOINTS, OPENAPI_PATH, type Endpoint, type ItemEndpoint, type ListEndpoint } from './endpoints';
import { LIMIT_DEFAULT, LIMIT_MAX, QUERY_PARAMETERS, SLUG_PARAMETER, type ParameterName } from './params';
import { apiSchemas } from './records';

type Json = Record<string, unknown>;

export const OPENAPI_MEDIA_TYPE = 'application/vnd.oai.openapi+json;version=3.1';
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const COMPONENT_PREFIX = '#/components/schemas/';

const JSON_SCHEMA_OPTIONS = { target: 'draft-2020-12', io: 'output', unrepresentable: 'throw' } as const;

/** JSON Schema of one zod schema, without the `$schema`/`$id` the document states once for all. */
function jsonSchemaOf(schema: z.ZodType): Json {
	const { $schema: _s, $id: _i, ...rest } = z.toJSONSchema(schema, JSON_SCHEMA_OPTIONS) as Json;
	return rest;
}

/** Every named record schema as an OpenAPI component, referring to each other by `$ref`. */
export function componentSchemas(): Record<string, Json> {
	const { schemas } = z.toJSONSchema(apiSchemas, {
		...JSON_SCHEMA_OPTIONS,
		metadata: apiSchemas,
		uri: (id) => `${COMPONENT_PREFIX}${id}`
	}) as { schemas: Record<string, Json> };
	return Object.fromEntries(
		Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest])
	);
}

/** A `$ref` to the component of a registered schema. */
export function schemaRef(schema: z.ZodType): { $ref: string } {
	const meta = apiSchemas.get(schema);
	if (!meta) throw new Error('This schema is not registered in apiSchemas, so it has no component to refer to.');
	return { $ref: `${COMPONENT_PREFIX}${meta.id}` };
}

function queryParameter(name: ParameterName, defaultValue?: unknown): Json {
	const p = QUERY_PARAMETERS[name];
	const schema = jsonSchemaOf(p.schema);
	return {
		name,
		in: 'query',
		required: false,
		description: p.description,
		schema: defaultValue === undefined ? schema : { ...schema, default: defaultValue }
	};
}

const slugParameter: Json = {
	name: 'slug',
	in: 'path',
	required: true,
	description: SLUG_PARAMETER.description,
	schema: jsonSchemaOf(SLUG_PARAMETER.schema)
};

const problemResponse = (name: 'BadRequest' | 'NotFound') => ({ $ref: `#/components/responses/${name}` });

const pageHeaders = {
	'X-Total-Count': { $ref: '#/components/headers/TotalCount' },
	Link: { $ref: '#/components/headers/Link' }
};

function csvDescription(e: ListEndpoint): string {
	const columns = columnsOf(e.record, { omit: e.csvOmit }).map((c) => c.header);
	return `CSV (RFC 4180; UTF-8 with a byte order mark; CRLF line ends), one row per record, with the columns: ${columns.join(', ')}.`;
}

function listOperations(e: ListEndpoint): Record<string, Json> {
	const filters = e.filters.map((f) => queryParameter(f));
	const errors = { '400': problemResponse('BadRequest'), ...(e.filters.length > 0 ? { '404': problemResponse('NotFound') } : {}) };
	return {
		[e.path]: {
			get: {
				operationId: e.operationId,
				summary: e.summary,
				description: `${e.description} With format=csv, the same CSV as ${csvPath(e)} (the CSV's canonical address; the default limit is then ${LIMIT_DEFAULT.csv}).`,
				tags: [e.name],
				parameters: [queryParameter('limit', LIMIT_DEFAULT.json), queryParameter('offset', 0), queryParameter('format', 'json'), ...filters],
				responses: {
					'200': {
						description: `A page of ${e.name}.`,
						headers: pageHeaders,
						content: {
							'application/json': { schema: schemaRef(e.list) },
							'text/csv': { schema: { type: 'string', description: csvDescription(e) } }
						}
					},
					...errors
				}
			}
		},
		[csvPath(e)]: {
			get: {
				operationId: `${e.operationId}Csv`,
				summary: `${e.summary} as CSV`,
				description: `${e.description} ${csvDescription(e)}`,
				tags: [e.name],
				parameters: [queryParameter('limit', LIMIT_DEFAULT.csv), queryParameter('offset', 0), ...filters],
				responses: {
					'200': {
						description: `${e.name} as CSV.`,
						headers: pageHeaders,
						content: { 'text/csv': { schema: { type: 'string', description: csvDescription(e) } } }
					},
					...errors
				}
			}
		}
	};
}

function itemOperations(e: ItemEndpoint): Record<string, Json> {
	return {
		[e.path]: {
			get: {
				operationId: e.operationId,
				summary: e.summary,
				description: e.description,
				tags: [e.name],
				parameters: [slugParameter],
				responses: {
					'200': { description: e.summary.replace(/^Get /, 'The '), content: { 'application/json': { schema: schemaRef(e.record) } } },
					'400': problemResponse('BadRequest'),
					'404': problemResponse('NotFound')
				}
			}
		}
	};
}

const DESCRIPTION = [
	'Everything Plenary publishes, as JSON and CSV, readable without an account.',
	'',
	'- Only published documents and contributions appear to anonymous requests. A co-submitter of a contribution appears once it has confirmed. A request made with a signed-in session (the cookie of the Plenary site) also gets the held contributions its reader may see — the secretariat of their body and their own submitters — marked `published: false`.',
	`- Lists are paged with \`limit\` (JSON default ${LIMIT_DEFAULT.json}, CSV default ${LIMIT_DEFAULT.csv}, at most ${LIMIT_MAX}) and \`offset\`. The answer's \`page\` object, the \`X-Total-Count\` header and the \`Link\` header (rel="next"/"prev") say where the rest is.`,
	'- Each list is also CSV: at its path with a `.csv` suffix (canonical), or with `?format=csv`. CSV is RFC 4180, UTF-8 with a byte order mark, CRLF line ends. Nested records become dotted columns (`organisation.slug`); lists become one cell with values joined by "; ", aligned across the columns of a list of records (`submitters.kind`, `submitters.name`). A text cell that starts with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe so that spreadsheets never run it as a formula.',
	'- Unknown or repeated query parameters and bad values are answered with 400; unknown slugs with 404. Errors are `application/problem+json` (RFC 9457).',
	'- Every answer may be read from any origin (`Access-Control-Allow-Origin: *`) and cached for a minute, except the answers about contributions to a signed-in session, which are `Cache-Control: private, no-store` (those addresses send `Vary: Cookie`).'
].join('\n');

/**
 * The whole OpenAPI 3.1 document. Paths are relative to the server address `/api/v1`, itself
 * relative to where the document is served, so the document is the same on every installation.
 */
export function buildOpenApi(endpoints: readonly Endpoint[] = ENDPOINTS): Json {
	const paths: Record<string, Json> = {};
	for (const e of endpoints) Object.assign(paths, e.kind === 'list' ? listOperations(e) : itemOperations(e));
	paths[OPENAPI_PATH] = {
		get: {
			operationId: 'getOpenApiDocument',
			summary: 'This OpenAPI document',
			tags: ['meta'],
			responses: { '200': { description: 'The OpenAPI 3.1 document of this API.', content: { [OPENAPI_MEDIA_TYPE]: { schema: { type: 'object' } } } } }
		}
	};
	const tags = [...new Set(endpoints.map((e) => e.name))].map((name) => ({ name }));
	return {
		openapi: '3.1.0',
		jsonSchemaDialect: JSON_SCHEMA_DIALECT,
		info: { title: 'Plenary open data', version: '1.0.0', description: DESCRIPTION },
		servers: [{ url: API_BASE, description: 'This installation of Plenary' }],
		tags: [...tags, { name: 'meta' }],
		paths,
		components: {
			schemas: componentSchemas(),
			responses: {
				BadRequest: {
					description: 'A query parameter is unknown, repeated or has a bad value; invalidParams says which and why.',
					content: { 'application/problem+json': { schema: { $ref: `${COMPONENT_PREFIX}Problem` } } }
				},
				NotFound: {
					description: 'No published record has this slug (or the body, call or submitter named in a filter does not exist).',
					content: { 'application/problem+json': { schema: { $ref: `${COMPONENT_PREFIX}Problem` } } }
				}
			},
			headers: {
				TotalCount: { description: 'How many records the whole list holds.', schema: { type: 'integer', minimum: 0 } },
				Link: { description: 'RFC 8288 links to the next and previous pages (rel="next", rel="prev") when there are any.', schema: { type: 'string' } }
			}
		}
	};
}
