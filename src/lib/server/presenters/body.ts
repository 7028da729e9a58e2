import { BodyRecord } from '../../core/api/records';
import type { BodyData } from '../repositories/open-data';

/** A body as the open-data API publishes it, validated against its schema. */
export function presentBody({ body, categories }: BodyData): BodyRecord {
	return BodyRecord.parse({
		id: body.id,
		slug: body.slug,
		name: body.name,
		shortName: body.shortName,
		mandate: body.mandate,
		lang: body.lang,
		periodStart: body.periodStart,
		periodEnd: body.periodEnd,
		rules: body.rules,
		declaredComposition: body.declaredComposition,
		categories: categories.map((c) => ({ code: c.code, title: c.title, questions: c.questions, position: c.position }))
	});
}
