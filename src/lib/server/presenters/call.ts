import { CallRecord } from '../../core/api/records';
import type { CallData } from '../repositories/open-data';

const DAY_MS = 86_400_000;
const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

/**
 * A call for contributions, validated against its schema. A call is stored as instants: it opens
 * at the start of its first day and closes at the start of the day after its last (UTC), so the
 * last day is the day before `closesAt`. Example: closesAt 2013-11-01T00:00Z → closesOn 2013-10-31.
 */
export function presentCall(data: CallData): CallRecord {
	const c = data.call;
	return CallRecord.parse({
		id: c.id,
		slug: c.slug,
		body: data.bodySlug,
		title: c.title,
		description: c.description,
		questions: c.questions,
		framework: data.framework.map((f) => ({ code: f.code, title: f.title, questions: f.questions })),
		eligibility: c.eligibility,
		opensOn: dayOf(c.opensAt),
		closesOn: dayOf(new Date(c.closesAt.getTime() - DAY_MS)),
		languages: c.languages,
		publishedContributions: data.publishedContributions,
		compilationDocument: data.compilationDocument,
		compilationVersion: data.compilationVersion
	});
}
