import type { CompilationCategory, CompilationContribution, CompilationInput, CompilationItem } from './types';

/**
 * What the compilation shows and in which order, before any wording.
 *
 * Left out: withdrawn contributions (their record stays, the compilation no longer proposes
 * them), unpublished ones (visible only to their submitters and the secretariat), and those
 * merged into another (the one they were merged into carries their proposals).
 *
 * Order: contributions by the secretariat's `position`, ties by date received (undated last),
 * then by id, so two generations of the same input are identical. Parts follow the framework;
 * an item whose category is not in the framework (or none) goes to the uncategorised part.
 *
 * Example: framework A, B; contribution X (position 1) with items A, B, none; Y (position 2)
 * with items B → part A: [X: 1 item]; part B: [X: 1 item, Y: 1 item]; uncategorised: [X: 1 item].
 */
export interface CompilationSection {
	contribution: CompilationContribution;
	items: CompilationItem[];
}

export interface CompilationPart {
	/** The category, or null for the uncategorised part. */
	category: CompilationCategory | null;
	sections: CompilationSection[];
}

export interface CompilationPlan {
	/** The framework without repeated codes (the first of a code counts). */
	framework: CompilationCategory[];
	/** The contributions shown, in compilation order. */
	contributions: CompilationContribution[];
	/** One part per category in framework order, then the uncategorised part (always last, possibly empty). */
	parts: CompilationPart[];
}

/** Whether a contribution belongs in the compilation. */
export function isShown(c: CompilationContribution): boolean {
	return c.status === 'submitted' && c.published && c.mergedIntoId === null;
}

/** Compilation order: position, then date received (undated last), then id. */
export function compareContributions(a: CompilationContribution, b: CompilationContribution): number {
	if (a.position !== b.position) return a.position - b.position;
	if (a.date !== b.date) {
		if (a.date === null) return 1;
		if (b.date === null) return -1;
		return a.date < b.date ? -1 : 1;
	}
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Selects, orders and groups the contributions of a compilation (linear after the sort). */
export function planCompilation(input: Pick<CompilationInput, 'framework' | 'contributions'>): CompilationPlan {
	const framework: CompilationCategory[] = [];
	const byCode = new Map<string, CompilationSection[]>();
	for (const category of input.framework) {
		if (byCode.has(category.code)) continue;
		byCode.set(category.code, []);
		framework.push(category);
	}
	const uncategorized: CompilationSection[] = [];
	const contributions = input.contributions.filter(isShown).sort(compareContributions);
	for (const contribution of contributions) {
		// Items of one contribution by part, in the contribution's own order.
		const own = new Map<CompilationSection[], CompilationItem[]>();
		for (const item of contribution.items) {
			const target = (item.categoryCode !== null ? byCode.get(item.categoryCode) : undefined) ?? uncategorized;
			let items = own.get(target);
			if (!items) {
				items = [];
				own.set(target, items);
			}
			items.push(item);
		}
		for (const [target, items] of own) target.push({ contribution, items });
	}
	const parts: CompilationPart[] = framework.map((category) => ({ category, sections: byCode.get(category.code)! }));
	parts.push({ category: null, sections: uncategorized });
	return { framework, contributions, parts };
}
