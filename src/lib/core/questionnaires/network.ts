/**
 * A table of counts seen as a flow network, and the search for a second table an onlooker could
 * not tell from the real one. This is the machinery behind `suppression.ts`.
 *
 * Every number of a table (a cell, a row or column total, the grand total) is an arc; every
 * "adds up to" of the table is a node where what flows in equals what flows out. For a table of
 * options (rows) by stakeholder group (columns) where each respondent chose one option:
 *
 *   row node i   : in r_i (its total)          out n_i1 … n_iC (its cells)
 *   column node j: in n_1j … n_Rj (its cells)  out c_j (its total)
 *   totals node  : in c_1 … c_C                 out N
 *   ground       : in N                         out r_1 … r_R
 *
 * The real table is one circulation. Someone who sees the published numbers knows every arc but
 * the suppressed ones; another circulation that agrees on every published arc is a table they
 * cannot rule out. Adding 1 along a cycle of suppressed arcs (and taking 1 where the cycle runs
 * against an arc) gives exactly such a table, and every other one is a sum of such cycles; so a
 * suppressed number can be worked out **exactly when no cycle of suppressed arcs passes through it**.
 *
 * Worked example (k = 3): cells [[1, 5], [4, 6]], rows 6 and 10, columns 5 and 11, N 16. The 1 is
 * suppressed. A cycle through it must come back to row 0 through another suppressed arc, so the
 * cheapest cycle suppresses the 5, then the 6 and the 4 (the cheaper way round than a column
 * total): cells 1 → +1, 5 → −1, 6 → +1, 4 → −1 give [[2, 4], [3, 7]], same totals.
 *
 * Two refinements make this an honest model of what an onlooker knows:
 * - **Zeros are always published**, so every suppressed number is known to be at least 1; an arc
 *   may be lowered along a cycle only when its value is at least 2 ("hidden" arcs, below, at least
 *   1). A 2×2 block of suppressed 1s is therefore no protection at all, and the search finds that.
 * - **Caps**: when a respondent may choose several options, a column total counts respondents,
 *   not choices, so the cells do not add up to it: the network gets a hidden *slack* arc (the extra
 *   choices, never published) and the column node becomes a cap (no cell above the column total).
 *   A cycle's two arcs at a cap node are checked together, and every candidate table is verified
 *   against all the constraints before it is trusted, so a clumsy search can only suppress too
 *   much, never too little.
 */

/** One number of a table. */
export interface Arc {
	readonly from: number;
	readonly to: number;
	readonly value: number;
	/** Never published (a slack): may be 0, is never chosen for suppression, may be lowered down to 0. */
	readonly hidden: boolean;
	/**
	 * The name of a number several linked tables show (an option's total, the grand total): it is
	 * published in all of them or in none, and changes alike in all of them.
	 */
	readonly shared: string | null;
	/** What suppressing it costs when it is published: cells are cheap, totals dear, the grand total dearest. */
	readonly weight: number;
}

/** A node where no member arc may exceed the total arc (respondents choosing an option ≤ respondents). */
export interface Cap {
	readonly total: number;
	readonly members: readonly number[];
	/** Up to three members with the largest values, largest first: enough to know the largest member after two changes. */
	readonly top: readonly number[];
}

export interface Network {
	readonly nodeCount: number;
	readonly arcs: readonly Arc[];
	readonly incident: readonly (readonly number[])[];
	readonly caps: ReadonlyMap<number, Cap>;
}

/** A change of one arc by +1 or −1 along a cycle or path. */
export interface Step {
	readonly arc: number;
	readonly dir: 1 | -1;
}

/** Builds a network; `caps` names the cap nodes, each with its total arc and member arcs. */
export function buildNetwork(nodeCount: number, arcs: readonly Arc[], caps: readonly { node: number; total: number; members: readonly number[] }[] = []): Network {
	const incident: number[][] = Array.from({ length: nodeCount }, () => []);
	arcs.forEach((arc, i) => {
		if (arc.from === arc.to) throw new RangeError('an arc must join two different nodes');
		if (!Number.isInteger(arc.value) || arc.value < 0) throw new RangeError('counts are whole numbers, never negative');
		incident[arc.from].push(i);
		incident[arc.to].push(i);
	});
	const capMap = new Map<number, Cap>();
	for (const cap of caps) {
		const top = [...cap.members].sort((a, b) => arcs[b].value - arcs[a].value || a - b).slice(0, 3);
		capMap.set(cap.node, { total: cap.total, members: cap.members, top });
	}
	return { nodeCount, arcs, incident, caps: capMap };
}

/** Status of an arc: published, or suppressed. Hidden arcs are neither: they are simply never shown. */
export const PUBLISHED = 0;
export const SUPPRESSED = 1;

/** The smallest value an unpublished arc can have, as an onlooker knows it: 1, since zeros are published; 0 for hidden arcs. */
export const lowest = (arc: Arc): number => (arc.hidden ? 0 : 1);

/** Whether changing the arcs `a` (by `da`) and `b` (by `db`) together keeps every member of the cap at most its total. */
export function capAllows(net: Network, cap: Cap, a: number, da: number, b: number, db: number): boolean {
	const change = (arc: number) => (arc === a ? da : 0) + (arc === b ? db : 0);
	const total = net.arcs[cap.total].value + change(cap.total);
	let largest = 0;
	for (const m of cap.top) if (m !== a && m !== b) largest = Math.max(largest, net.arcs[m].value);
	for (const m of [a, b]) if (m >= 0 && m !== cap.total && cap.members.includes(m)) largest = Math.max(largest, net.arcs[m].value + change(m));
	return largest <= total;
}

export interface SearchOptions {
	/** May the path run through published arcs (which would then be suppressed)? */
	allowPublished: boolean;
	/** May the path run through shared arcs? */
	allowShared: boolean;
	/** An arc the path must not use (the arc whose cycle is being closed). */
	exclude: number;
	/** More arcs the path must not use. */
	avoid?: ReadonlySet<number>;
}

interface Label {
	cost: number;
	prev: number;
	step: Step | null;
}

/**
 * The cheapest path from `start` (reached through `startStep`, or from nowhere) to `target`,
 * entered so that the last step and `endStep` together respect a cap at `target`. Cost is the sum
 * of the weights of the published arcs used. Deterministic: ties go to the smaller state number.
 *
 * States are nodes, except at cap nodes, where the arc a path came in by matters (it decides
 * which ways out keep the cap): there a state is (node, arc in, direction).
 */
export function cheapestPath(
	net: Network,
	status: Uint8Array,
	start: number,
	startStep: Step | null,
	target: number,
	endStep: Step | null,
	options: SearchOptions
): { steps: Step[]; cost: number } | null {
	const slots = 2 * net.arcs.length + 1;
	const keyOf = (node: number, step: Step | null) => node * slots + (step && net.caps.has(node) ? 1 + 2 * step.arc + (step.dir > 0 ? 0 : 1) : 0);
	const labels = new Map<number, Label>();
	const done = new Set<number>();
	const heap = new MinHeap();
	const startKey = keyOf(start, startStep);
	labels.set(startKey, { cost: 0, prev: -1, step: startStep });
	heap.push(0, startKey);

	while (heap.size > 0) {
		const [cost, key] = heap.pop();
		if (done.has(key)) continue;
		done.add(key);
		const node = Math.floor(key / slots);
		const label = labels.get(key)!;
		const cameBy = label.step;
		if (node === target && key !== startKey && endAllowed(net, node, cameBy, endStep)) return { steps: unwind(labels, key), cost };

		for (const a of net.incident[node]) {
			if (a === options.exclude || (cameBy && a === cameBy.arc) || options.avoid?.has(a)) continue;
			const arc = net.arcs[a];
			const published = !arc.hidden && status[a] === PUBLISHED;
			if (published && (!options.allowPublished || arc.value === 0)) continue;
			if (arc.shared !== null && !options.allowShared) continue;
			const dir: 1 | -1 = arc.from === node ? 1 : -1;
			if (dir < 0 && arc.value < lowest(arc) + 1) continue;
			const cap = net.caps.get(node);
			if (cap && cameBy && !capAllows(net, cap, cameBy.arc, cameBy.dir, a, dir)) continue;
			const next = dir > 0 ? arc.to : arc.from;
			const step: Step = { arc: a, dir };
			const nextKey = keyOf(next, step);
			const nextCost = cost + (published ? arc.weight : 0);
			const known = labels.get(nextKey);
			if (done.has(nextKey) || (known && known.cost <= nextCost)) continue;
			labels.set(nextKey, { cost: nextCost, prev: key, step });
			heap.push(nextCost, nextKey);
		}
	}
	return null;
}

function endAllowed(net: Network, node: number, cameBy: Step | null, endStep: Step | null): boolean {
	const cap = net.caps.get(node);
	if (!cap || !cameBy || !endStep) return true;
	return cameBy.arc !== endStep.arc && capAllows(net, cap, cameBy.arc, cameBy.dir, endStep.arc, endStep.dir);
}

function unwind(labels: Map<number, Label>, key: number): Step[] {
	const steps: Step[] = [];
	for (let k = key; ; ) {
		const label = labels.get(k)!;
		if (label.prev < 0) break;
		steps.push(label.step!);
		k = label.prev;
	}
	return steps.reverse();
}

/**
 * The cheapest cycle through arc `e`, raising it (+1) or, when it is at least 2, lowering it
 * (−1); the raising one wins a tie. The cycle is `e`'s step followed by the returned steps.
 */
export function cheapestCycle(
	net: Network,
	status: Uint8Array,
	e: number,
	options: Omit<SearchOptions, 'exclude'>
): { steps: Step[]; cost: number } | null {
	const arc = net.arcs[e];
	let best: { steps: Step[]; cost: number } | null = null;
	for (const dir of [1, -1] as const) {
		if (dir < 0 && arc.value < lowest(arc) + 1) continue;
		const own: Step = { arc: e, dir };
		// Raising e carries one unit from e.from to e.to; the rest of the cycle brings it back.
		const [from, to] = dir > 0 ? [arc.to, arc.from] : [arc.from, arc.to];
		const path = cheapestPath(net, status, from, own, to, own, { ...options, exclude: e });
		if (path && (!best || path.cost < best.cost)) best = { steps: [own, ...path.steps], cost: path.cost };
	}
	return best;
}

/**
 * Whether changing arcs by `changes` (arc → change) gives another table an onlooker cannot rule
 * out: only unpublished arcs (or those in `toSuppress`) change, none falls below what it is known
 * to be at least, every node still balances, and every cap holds.
 */
export function isConsistentChange(net: Network, status: Uint8Array, changes: ReadonlyMap<number, number>, toSuppress: ReadonlySet<number>): boolean {
	const balance = new Map<number, number>();
	const touched = new Set<number>();
	for (const [a, d] of changes) {
		if (d === 0) continue;
		const arc = net.arcs[a];
		if (!arc.hidden && status[a] === PUBLISHED && !toSuppress.has(a)) return false;
		if (arc.value + d < lowest(arc)) return false;
		balance.set(arc.to, (balance.get(arc.to) ?? 0) + d);
		balance.set(arc.from, (balance.get(arc.from) ?? 0) - d);
		touched.add(arc.to).add(arc.from);
	}
	for (const b of balance.values()) if (b !== 0) return false;
	for (const node of touched) {
		const cap = net.caps.get(node);
		if (!cap) continue;
		const total = net.arcs[cap.total].value + (changes.get(cap.total) ?? 0);
		for (const m of cap.members) if (net.arcs[m].value + (changes.get(m) ?? 0) > total) return false;
	}
	return true;
}

/** Sums steps into arc → change, dropping arcs whose changes cancel. */
export function changesOf(steps: readonly Step[]): Map<number, number> {
	const out = new Map<number, number>();
	for (const s of steps) out.set(s.arc, (out.get(s.arc) ?? 0) + s.dir);
	for (const [a, d] of out) if (d === 0) out.delete(a);
	return out;
}

/** A binary heap of (cost, key), smallest cost first, then smallest key: the same order on every run. */
class MinHeap {
	private readonly costs: number[] = [];
	private readonly keys: number[] = [];
	get size(): number {
		return this.costs.length;
	}
	push(cost: number, key: number): void {
		this.costs.push(cost);
		this.keys.push(key);
		let i = this.costs.length - 1;
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (!this.less(i, p)) break;
			this.swap(i, p);
			i = p;
		}
	}
	pop(): [number, number] {
		const top: [number, number] = [this.costs[0], this.keys[0]];
		const lastCost = this.costs.pop()!;
		const lastKey = this.keys.pop()!;
		if (this.costs.length > 0) {
			this.costs[0] = lastCost;
			this.keys[0] = lastKey;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < this.costs.length && this.less(l, m)) m = l;
				if (r < this.costs.length && this.less(r, m)) m = r;
				if (m === i) break;
				this.swap(i, m);
				i = m;
			}
		}
		return top;
	}
	private less(i: number, j: number): boolean {
		return this.costs[i] < this.costs[j] || (this.costs[i] === this.costs[j] && this.keys[i] < this.keys[j]);
	}
	private swap(i: number, j: number): void {
		[this.costs[i], this.costs[j]] = [this.costs[j], this.costs[i]];
		[this.keys[i], this.keys[j]] = [this.keys[j], this.keys[i]];
	}
}
