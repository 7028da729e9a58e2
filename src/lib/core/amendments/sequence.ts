/**
 * Indexes of one longest strictly increasing subsequence of `values` (patience sorting,
 * O(n log n)); among equals, the earliest positions win. Example: [0, 3, 1, 2] → [0, 2, 3].
 */
export function longestIncreasing(values: readonly number[]): number[] {
	const tails: number[] = [];
	const back: number[] = new Array(values.length).fill(-1);
	for (let i = 0; i < values.length; i++) {
		let lo = 0;
		let hi = tails.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (values[tails[mid]] < values[i]) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0) back[i] = tails[lo - 1];
		tails[lo] = i;
	}
	const out: number[] = [];
	for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = back[i]) out.push(i);
	return out.reverse();
}
