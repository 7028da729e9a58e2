import { createHash, randomBytes } from 'node:crypto';
import { itemsFromText, type ContributionItemDraft } from '../../core/contributions/items';
import type { DbOrTx } from '../db/client';
import { pendingFile } from '../repositories/contribution-writes';
import { findSimilar, ITEM_SEPARATOR } from '../repositories/similar-contributions';

/**
 * The writing form of a contribution (to submit or to revise), between its steps: the form's
 * token, the categories chosen for the items of the text last previewed, and the preview itself.
 */

const TOKEN_RE = /^[A-Za-z0-9_-]{16,64}$/;

/** A new form token: 24 URL-safe characters, as `contributionInput.token` accepts. */
export function newFormToken(): string {
	return randomBytes(18).toString('base64url');
}

/** The posted token when it is well formed, else a new one (a forged or lost token only loses the double-click guard). */
export function formTokenOf(values: Record<string, string | string[]>): string {
	const v = values.token;
	return typeof v === 'string' && TOKEN_RE.test(v) ? v : newFormToken();
}

/**
 * A short fingerprint of an item's words (white space aside), so that a category chosen for an
 * item follows it when the text around it is corrected.
 */
export function itemSignature(text: string): string {
	return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('base64url').slice(0, 16);
}

/** A category chosen for an item of an earlier preview (or of the stored contribution). */
export interface PreviousChoice {
	sig: string;
	number: string | null;
	code: string;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The choices the form posted: `itemSig`, `itemNumber` and `itemCategory`, one each per item previewed. */
export function postedChoices(values: Record<string, string | string[]>): PreviousChoice[] {
	const sigs = list(values.itemSig);
	const numbers = list(values.itemNumber);
	const codes = list(values.itemCategory);
	return sigs.map((sig, i) => ({ sig, number: numbers[i] ? numbers[i] : null, code: codes[i] ?? '' }));
}

/**
 * The category each item of a new preview starts with: the one chosen for the same words before;
 * failing that, the one chosen for the item that had the same number (a corrected paragraph keeps
 * its category); otherwise none (''). Each earlier choice is used once; codes no longer in the
 * framework are dropped.
 *
 * Example: before [sig a, "1" → A], [sig b, "2" → B]; now [sig b, "1"], [sig c, "2"] →
 *   ['B' (same words), '' ("2" was taken by the words b, which already gave their choice)].
 */
export function chooseCategories(items: readonly Pick<ContributionItemDraft, 'text' | 'number'>[], previous: readonly PreviousChoice[], codes: ReadonlySet<string>): string[] {
	const used = new Set<number>();
	const sigs = items.map((i) => itemSignature(i.text));
	const out: (string | null)[] = items.map(() => null);
	items.forEach((_, i) => {
		const j = previous.findIndex((p, k) => !used.has(k) && p.sig === sigs[i]);
		if (j >= 0) {
			used.add(j);
			out[i] = previous[j].code;
		}
	});
	items.forEach((item, i) => {
		if (out[i] !== null || !item.number) return;
		const j = previous.findIndex((p, k) => !used.has(k) && p.number === item.number);
		if (j >= 0) {
			used.add(j);
			out[i] = previous[j].code;
		}
	});
	return out.map((code) => (code && codes.has(code) ? code : ''));
}

/** A similar contribution as the page shows it: score as a percentage and the passages in common. */
export interface SimilarView {
	slug: string;
	title: string;
	percent: number;
	passages: { words: number; here: string; there: string }[];
}

/** The contributions of the body most like `text` (items joined as the fingerprints are), best first. */
export async function similarContributions(
	db: DbOrTx,
	input: { bodyId: string; text: string; excludeId?: string; includeUnpublished: boolean; limit?: number }
): Promise<SimilarView[]> {
	if (!input.text.trim()) return [];
	const found = await findSimilar(db, { bodyId: input.bodyId, text: input.text, excludeId: input.excludeId, includeUnpublished: input.includeUnpublished, limit: input.limit ?? 5 });
	return found.map((s) => ({
		slug: s.slug,
		title: s.title,
		percent: Math.round(s.score * 100),
		passages: s.passages.slice(0, 6).map((p) => ({ words: p.words, here: p.query.text, there: p.candidate.text }))
	}));
}

/** An item of the preview, with the category it starts with. */
export interface PreviewItem {
	position: number;
	number: string | null;
	kind: string;
	text: string;
	notes: { marker: string; text: string }[];
	sig: string;
	category: string;
}

export interface EditorPreview {
	items: PreviewItem[];
	similar: SimilarView[];
	/** The original kept under the form's token, if a file was converted. */
	file: { name: string; size: number; format: string } | null;
	/** True right after a file's text replaced the text typed. */
	converted: boolean;
}

/**
 * The preview of a text: the items it yields with their starting categories, the kept original
 * (if any) and the similar contributions of the body (held ones only for the secretariat).
 */
export async function buildPreview(
	db: DbOrTx,
	input: {
		bodyId: string;
		text: string;
		previous: readonly PreviousChoice[];
		codes: ReadonlySet<string>;
		token: string;
		userId: string;
		includeUnpublished: boolean;
		excludeId?: string;
		converted?: boolean;
	}
): Promise<EditorPreview> {
	const { items } = itemsFromText(input.text);
	const categories = chooseCategories(items, input.previous, input.codes);
	const [kept, similar] = await Promise.all([
		pendingFile(db, input.token, input.userId),
		similarContributions(db, { bodyId: input.bodyId, text: items.map((i) => i.text).join(ITEM_SEPARATOR), excludeId: input.excludeId, includeUnpublished: input.includeUnpublished })
	]);
	return {
		items: items.map((item, i) => ({ position: item.position, number: item.number, kind: item.kind, text: item.text, notes: item.notes, sig: itemSignature(item.text), category: categories[i] })),
		similar,
		file: kept ? { name: kept.name, size: kept.size, format: kept.format } : null,
		converted: input.converted ?? false
	};
}

/** The media type an original is kept and served under, from its detected format (never the browser's claim). */
export function mediaTypeOf(format: string): string {
	switch (format) {
		case 'docx':
			return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
		case 'pdf':
			return 'application/pdf';
		case 'markdown':
			return 'text/markdown; charset=utf-8';
		default:
			return 'text/plain; charset=utf-8';
	}
}
