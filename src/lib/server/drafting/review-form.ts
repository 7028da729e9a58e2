import { z } from 'zod';
import { amendmentInput } from '../../core/amendments/schemas';
import type { CopyItem } from '../actions/amendments';
import type { FieldProblems } from '../forms';

const MAX_ITEMS = 500;

/**
 * Reads the review form of an edited copy: item fields are numbered (`kind-3`, `resultText-3`…),
 * and only ticked items (`take-3`) are kept. Each is validated like a hand-written amendment.
 */
export function readReviewForm(form: FormData): { ok: true; version: number; copyName: string; explanation: string; coProposers: string[]; items: CopyItem[] } | { ok: false; problems: FieldProblems } {
	const count = Number(form.get('items') ?? 0);
	if (!Number.isInteger(count) || count < 0 || count > MAX_ITEMS) return { ok: false, problems: { _form: { key: 'common.invalid' } } };
	const str = (k: string) => fieldOf(form, k);
	const items: CopyItem[] = [];
	for (let i = 0; i < count; i++) {
		if (str(`take-${i}`) !== 'on') continue;
		const parsed = amendmentInput.safeParse({
			version: str('version'),
			kind: str(`kind-${i}`),
			targetKey: str(`targetKey-${i}`),
			afterKey: str(`afterKey-${i}`),
			resultText: str(`resultText-${i}`),
			newNumber: str(`newNumber-${i}`),
			explanation: '',
			coProposers: []
		});
		if (!parsed.success) return { ok: false, problems: { [`resultText-${i}`]: { key: 'drafting.error.item', values: { item: i + 1 } } } };
		const list = (k: string) =>
			str(k)
				.split(/\s+/)
				.filter(Boolean)
				.slice(0, 1000);
		const authors = z.array(z.string().max(200)).max(50).safeParse(safeJson(str(`authors-${i}`)));
		const { version: _v, explanation: _e, coProposers: _c, ...rest } = parsed.data;
		items.push({ ...rest, covers: list(`covers-${i}`), authors: authors.success ? authors.data : [], wholePart: str(`wholePart-${i}`) === 'true' });
	}
	const head = amendmentInput.safeParse({ version: str('version'), kind: 'delete', targetKey: 'x', explanation: str('explanation'), coProposers: form.getAll('coProposers') });
	if (!head.success) return { ok: false, problems: { explanation: { key: 'common.invalid' } } };
	if (items.length === 0) return { ok: false, problems: { _form: { key: 'drafting.error.noneTicked' } } };
	return { ok: true, version: head.data.version, copyName: str('copyName').slice(0, 300), explanation: head.data.explanation, coProposers: head.data.coProposers, items };
}

/** A text field of the form, '' when absent or a file. */
function fieldOf(form: FormData, key: string): string {
	const v = form.get(key);
	return typeof v === 'string' ? v : '';
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text || '[]');
	} catch {
		return [];
	}
}

/** The review list as posted, ticked or not, to show it again when the submission is refused. */
export function echoReview(form: FormData) {
	const count = Math.min(Number(form.get('items') ?? 0) || 0, MAX_ITEMS);
	const str = (k: string) => fieldOf(form, k).slice(0, 20000);
	const items = [];
	for (let i = 0; i < count; i++) {
		const kind = str(`kind-${i}`);
		items.push({
			kind: (['replace', 'insert', 'delete', 'move'].includes(kind) ? kind : 'replace') as 'replace' | 'insert' | 'delete' | 'move',
			targetKey: str(`targetKey-${i}`),
			targetNumber: str(`newNumber-${i}`) || null,
			afterKey: str(`afterKey-${i}`) || null,
			deletedText: str(`deletedText-${i}`),
			insertedText: str(`insertedText-${i}`),
			resultText: str(`resultText-${i}`),
			covers: str(`covers-${i}`).split(/\s+/).filter(Boolean),
			wholePart: str(`wholePart-${i}`) === 'true',
			authors: (safeJson(str(`authors-${i}`)) as string[]) ?? [],
			ticked: str(`take-${i}`) === 'on'
		});
	}
	return { copyName: str('copyName'), version: Number(str('version')) || 0, items, explanation: str('explanation') };
}
