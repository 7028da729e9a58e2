import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKinds, freshDatabase } from '../helpers/db';
import type { Database } from '../../src/lib/server/db/client';
import { migrate, rows } from '../../src/lib/server/db/migrate';
import { searchEntries } from '../../src/lib/server/db/schema';

describe.each(databaseKinds())('database on %s', (kind) => {
	let d: Database;
	beforeAll(async () => {
		d = await freshDatabase(kind);
	});
	afterAll(async () => {
		await d?.close();
	});

	it('starts migrated, and migrating again applies nothing', async () => {
		expect((await migrate(d)).applied).toBe(0);
		const tables = rows(await d.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name in ('bodies','units','audit_events')`));
		expect(Number(tables[0].n)).toBe(3);
	});

	it('indexes a passage in its own language', async () => {
		await d.db.insert(searchEntries).values({
			sourceKind: 'document',
			bodyId: '00000000-0000-0000-0000-000000000001',
			title: 'Draft',
			text: 'Respect for the sovereign rights of States',
			lang: 'en',
			tsConfig: 'english'
		});
		const hit = rows(await d.db.execute(sql`select count(*)::int as n from search_entries where tsv @@ websearch_to_tsquery('english', 'sovereignty right')`));
		expect(Number(hit[0].n)).toBe(0);
		const hit2 = rows(await d.db.execute(sql`select count(*)::int as n from search_entries where tsv @@ websearch_to_tsquery('english', 'rights sovereign')`));
		expect(Number(hit2[0].n)).toBe(1);
	});
});
