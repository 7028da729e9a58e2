/**
 * Statistical disclosure control for the counts Plenary publishes about a questionnaire: no
 * number small enough to single someone out is shown, and none that is hidden can be worked out
 * from what is shown.
 *
 * Rules (k is the questionnaire's smallest group, 5 by default):
 * 1. **Primary suppression**: every cell and every total with 0 < count < k is suppressed.
 * 2. **Zeros are published.** "Nobody in this group chose this option" singles nobody out, and
 *    publishing every zero is a rule an onlooker can rely on — so the protection below assumes
 *    the onlooker knows every suppressed number is at least 1. (Suppressing a zero as a complement
 *    would protect nothing: the rule makes it known to be 0 anyway.)
 * 3. **Secondary suppression**: more numbers are suppressed until every suppressed number has at
 *    least two possible values given everything published — the published cells, the totals and
 *    the grand total, that counts are whole and not negative, and that suppressed counts are at
 *    least 1. A row or column with one suppressed cell is the simplest case (it is its total minus
 *    the others); a suppressed total is another (the grand total minus the other totals).
 *    `network.ts` turns this into a search for a cycle of suppressed numbers through each
 *    suppressed number; where there is none, the cheapest one is made by suppressing published
 *    numbers along it: cells before totals, smaller counts before larger, the grand total last.
 * 4. **Linked tables**: the tables of one question by stakeholder group, by region and by
 *    development status, and its overall counts, share the options' totals and the grand total.
 *    Each shared total is published in all or none, and a hidden number of one table counts as
 *    protected only when the other possible value carries over to every linked table.
 * 5. **Shares** (percent of a column's total) are given only for a published cell of a published,
 *    non-zero column total: a share never reveals more than the two published numbers it comes from.
 *
 * The search only accepts a second table after checking it against every constraint, so the
 * result is safe; it is deterministic (ties are broken by position) and ends, since each round
 * protects at least one number for good. Tested by brute force on small tables
 * (`suppression.test.ts`).
 *
 * Multiple choice: a respondent counts once in each option they chose, so cells do not add up to
 * the column totals, which count respondents (who chose at least one option). The row totals
 * (respondents who chose the option) still add up across columns, and the grand total is the
 * number of respondents. Pass `respondents` (per column, or overall) to say so.
 */
import { buildNetwork, changesOf, cheapestCycle, cheapestPath, isConsistentChange, PUBLISHED, SUPPRESSED, type Arc, type Network, type Step } from './network';

/** A published count, or the mark of a suppressed one. */
export type Shown = { count: number } | { suppressed: true };

/** A table of counts ready to publish: rows are options, columns the groups of a dimension. */
export interface ProtectedTable {
	cells: Shown[][];
	rowTotals: Shown[];
	columnTotals: Shown[];
	total: Shown;
	/** Percent of the column total, where both are published and the total is not zero; else null. */
	shares: (number | null)[][];
	/** Each row total as a percent of the grand total, where both are published; else null. */
	rowShares: (number | null)[];
}

/** Counts by option for one question overall, ready to publish. */
export interface ProtectedCounts {
	counts: Shown[];
	total: Shown;
	/** Percent of the total, where both are published and the total is not zero; else null. */
	shares: (number | null)[];
}

/** The counts of a two-way table. */
export interface TableCounts {
	/** `cells[row][column]`, whole numbers ≥ 0, every row the same length. */
	cells: readonly (readonly number[])[];
	/**
	 * Respondents per column, when a respondent may count in several rows (multiple choice);
	 * omitted when each respondent counts in exactly one row, and the column totals are the sums.
	 */
	respondents?: readonly number[];
}

/** Counts by option overall. */
export interface OverallCounts {
	counts: readonly number[];
	/** Respondents, when a respondent may count for several options; omitted: the sum of the counts. */
	respondents?: number;
}

const TOTAL_WEIGHT = 1e7;
const GRAND_WEIGHT = 1e12;
const optionKey = (i: number) => `option:${i}`;
const GRAND_KEY = 'total';
/** How many cycles one number's search may try in one table before giving up on that table. */
const MAX_TRIES = 64;

/** A table's network and where each of its numbers is. */
interface TableNet {
	net: Network;
	cell: number[][];
	rowTotal: number[];
	columnTotal: number[];
	total: number;
}

interface CountsNet {
	net: Network;
	count: number[];
	total: number;
}

function arc(from: number, to: number, value: number, weight: number, shared: string | null = null, hidden = false): Arc {
	return { from, to, value, hidden, shared, weight: weight + value };
}

/**
 * The network of a two-way table (see network.ts): nodes 0..R−1 rows, R..R+C−1 columns, then
 * the column totals' node and the ground.
 */
function tableNetwork(table: TableCounts): TableNet {
	const rows = table.cells.length;
	const columns = rows === 0 ? (table.respondents?.length ?? 0) : table.cells[0].length;
	for (const row of table.cells) if (row.length !== columns) throw new RangeError('every row must have one count per column');
	const columnSums = Array.from({ length: columns }, (_, j) => table.cells.reduce((s, row) => s + row[j], 0));
	const respondents = table.respondents;
	if (respondents && respondents.length !== columns) throw new RangeError('one respondent count per column');
	const sums = table.cells.map((row) => row.reduce((s, v) => s + v, 0));
	const totals = respondents ?? columnSums;
	const grand = totals.reduce((s, v) => s + v, 0);

	const totalsNode = rows + columns;
	const ground = totalsNode + 1;
	const arcs: Arc[] = [];
	const add = (a: Arc) => arcs.push(a) - 1;
	const cell = table.cells.map((row, i) => row.map((v, j) => add(arc(i, rows + j, v, 0))));
	const rowTotal = sums.map((v, i) => add(arc(ground, i, v, TOTAL_WEIGHT, optionKey(i))));
	const columnTotal = totals.map((v, j) => add(arc(rows + j, totalsNode, v, TOTAL_WEIGHT)));
	const total = add(arc(totalsNode, ground, grand, GRAND_WEIGHT, GRAND_KEY));
	const caps: { node: number; total: number; members: number[] }[] = [];
	if (respondents) {
		for (let j = 0; j < columns; j++) {
			const extra = columnSums[j] - respondents[j];
			const members = cell.map((r) => r[j]);
			if (extra < 0 || table.cells.some((r) => r[j] > respondents[j]))
				throw new RangeError('with several choices each, a column has at least as many choices as respondents, and no option more than its respondents');
			add(arc(rows + j, ground, extra, 0, null, true));
			caps.push({ node: rows + j, total: columnTotal[j], members });
		}
	}
	return { net: buildNetwork(ground + 1, arcs, caps), cell, rowTotal, columnTotal, total };
}

/** The network of the overall counts: node 0 balances the counts against the total, node 1 is the ground. */
function countsNetwork(overall: OverallCounts): CountsNet {
	const sum = overall.counts.reduce((s, v) => s + v, 0);
	const arcs: Arc[] = [];
	const add = (a: Arc) => arcs.push(a) - 1;
	const count = overall.counts.map((v, i) => add(arc(1, 0, v, TOTAL_WEIGHT, optionKey(i))));
	const respondents = overall.respondents ?? sum;
	const total = add(arc(0, 1, respondents, GRAND_WEIGHT, GRAND_KEY));
	const caps: { node: number; total: number; members: number[] }[] = [];
	if (overall.respondents !== undefined) {
		if (sum < respondents || overall.counts.some((v) => v > respondents))
			throw new RangeError('with several choices each, there are at least as many choices as respondents, and no option more than its respondents');
		add(arc(0, 1, sum - respondents, 0, null, true));
		caps.push({ node: 0, total, members: count });
	}
	return { net: buildNetwork(2, arcs, caps), count, total };
}

/** What `protect` found: which numbers to suppress in each network, and whether it had to give up and suppress everything. */
export interface Protection {
	status: Uint8Array[];
	/** True when no cycle could be found and every non-zero number was suppressed (never seen in the tests; reported, not hidden). */
	suppressedEverything: boolean;
}

/**
 * Suppresses numbers in linked networks (sharing arcs by name) until every suppressed number has
 * a second possible value consistent with everything published in all of them. See the rules at
 * the top of this file.
 */
export function protect(nets: readonly Network[], k: number): Protection {
	if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a whole number of at least 1');
	const status = nets.map((net) => Uint8Array.from(net.arcs, (a) => (!a.hidden && a.value > 0 && a.value < k ? SUPPRESSED : PUBLISHED)));
	const copies = new Map<string, { t: number; a: number }[]>();
	nets.forEach((net, t) =>
		net.arcs.forEach((arc, a) => {
			if (arc.shared === null) return;
			const list = copies.get(arc.shared) ?? [];
			if (list.length > 0 && nets[list[0].t].arcs[list[0].a].value !== arc.value) throw new RangeError(`linked tables disagree on ${arc.shared}`);
			list.push({ t, a });
			copies.set(arc.shared, list);
		})
	);
	const suppress = (t: number, a: number) => {
		const shared = nets[t].arcs[a].shared;
		if (shared === null) status[t][a] = SUPPRESSED;
		else for (const c of copies.get(shared)!) status[c.t][c.a] = SUPPRESSED;
	};
	for (const [, list] of copies) if (list.some((c) => status[c.t][c.a] === SUPPRESSED)) suppress(list[0].t, list[0].a);

	const safe = nets.map((net) => new Uint8Array(net.arcs.length));
	const markSafe = (t: number, a: number) => {
		const shared = nets[t].arcs[a].shared;
		if (shared === null) safe[t][a] = 1;
		else for (const c of copies.get(shared)!) safe[c.t][c.a] = 1;
	};

	for (;;) {
		const next = firstUnprotected(nets, status, safe);
		if (!next) return { status, suppressedEverything: false };
		const witness = findWitness(nets, status, copies, next.t, next.a, false) ?? findWitness(nets, status, copies, next.t, next.a, true);
		if (!witness) {
			nets.forEach((net, t) => net.arcs.forEach((arc, a) => !arc.hidden && arc.value > 0 && (status[t][a] = SUPPRESSED)));
			return { status, suppressedEverything: true };
		}
		witness.forEach((changes, t) => {
			for (const a of changes.keys()) {
				if (nets[t].arcs[a].hidden) continue;
				if (status[t][a] === PUBLISHED) suppress(t, a);
				markSafe(t, a);
			}
		});
	}
}

function firstUnprotected(nets: readonly Network[], status: Uint8Array[], safe: Uint8Array[]): { t: number; a: number } | null {
	for (let t = 0; t < nets.length; t++)
		for (let a = 0; a < nets[t].arcs.length; a++) if (status[t][a] === SUPPRESSED && !safe[t][a] && !nets[t].arcs[a].hidden) return { t, a };
	return null;
}

/**
 * A second set of tables, differing at arc `a` of network `t`, that an onlooker cannot rule out:
 * one change map per network. With `allowPublished`, the cheapest such set that needs published
 * numbers suppressed (they are the changed arcs still published). Tries first a cycle that leaves
 * the shared totals alone (nothing else changes), then one that moves them, carried over to each
 * linked table by a path there.
 */
function findWitness(
	nets: readonly Network[],
	status: Uint8Array[],
	copies: ReadonlyMap<string, { t: number; a: number }[]>,
	t: number,
	a: number,
	allowPublished: boolean
): Map<number, number>[] | null {
	const shared = nets[t].arcs[a].shared;
	// A shared number may be moved through any table that shows it.
	const homes = shared === null ? [t] : copies.get(shared)!.map((c) => c.t);
	const candidates: Map<number, number>[][] = [];
	if (shared === null) {
		const cycle = cheapestCycle(nets[t], status[t], a, { allowPublished, allowShared: false });
		const changes = cycle ? nets.map((_, u) => (u === t ? changesOf(cycle.steps) : new Map<number, number>())) : null;
		// Without new suppressions, any witness will do: take the first.
		if (changes && !allowPublished && verified(nets, status, changes)) return changes;
		if (changes) candidates.push(changes);
	}
	for (const home of homes) {
		const own = shared === null ? a : copies.get(shared)!.find((c) => c.t === home)!.a;
		// The cheapest cycle may move shared totals in a way another table cannot follow; then try
		// again without each of its arcs in turn (breadth first, a bounded number of times). In the
		// overall counts, where every cycle is the number and one partner, this tries every partner.
		const queue: number[][] = [[]];
		const tried = new Set<string>();
		for (let tries = 0; queue.length > 0 && tries < MAX_TRIES; tries++) {
			const avoid = queue.shift()!;
			const cycle = cheapestCycle(nets[home], status[home], own, { allowPublished, allowShared: true, avoid: new Set(avoid) });
			if (!cycle) continue;
			const changes = carryOver(nets, status, copies, home, changesOf(cycle.steps), allowPublished);
			if (changes && !allowPublished && verified(nets, status, changes)) return changes;
			if (changes) candidates.push(changes);
			// Avoiding arcs never makes a cycle cheaper: a first cycle the other tables follow for free is the best there is.
			if (changes && avoid.length === 0 && costOf(nets, status, changes) === cycle.cost && verified(nets, status, changes)) break;
			for (const step of cycle.steps) {
				if (step.arc === own) continue;
				const next = [...avoid, step.arc].sort((x, y) => x - y);
				const key = next.join(',');
				if (!tried.has(key)) queue.push(next), tried.add(key);
			}
		}
	}
	let best: Map<number, number>[] | null = null;
	let bestCost = Infinity;
	for (const changes of candidates) {
		const cost = costOf(nets, status, changes);
		if (cost < bestCost && verified(nets, status, changes)) [best, bestCost] = [changes, cost];
	}
	return best;
}

/**
 * Carries the change of network `home` over to every linked network: the shared arcs change alike,
 * and each other network balances them by a path of its own unshared arcs. Null when one cannot.
 */
function carryOver(
	nets: readonly Network[],
	status: Uint8Array[],
	copies: ReadonlyMap<string, { t: number; a: number }[]>,
	home: number,
	changes: Map<number, number>,
	allowPublished: boolean
): Map<number, number>[] | null {
	const out: Map<number, number>[] = nets.map(() => new Map());
	out[home] = changes;
	const sharedChanges = new Map<string, number>();
	for (const [a, d] of changes) {
		const shared = nets[home].arcs[a].shared;
		if (shared !== null) sharedChanges.set(shared, d);
	}
	if (sharedChanges.size === 0) return out;
	for (let u = 0; u < nets.length; u++) {
		if (u === home) continue;
		const net = nets[u];
		const moved: Step[] = [];
		for (const [name, d] of sharedChanges) {
			const copy = copies.get(name)!.find((c) => c.t === u);
			if (copy) moved.push({ arc: copy.a, dir: d > 0 ? 1 : -1 });
		}
		if (moved.length === 0) continue;
		for (const s of moved) out[u].set(s.arc, s.dir);
		// What the moved arcs leave unbalanced: one node short of a unit, one with a unit too many.
		const balance = new Map<number, number>();
		for (const s of moved) {
			const arc = net.arcs[s.arc];
			balance.set(arc.to, (balance.get(arc.to) ?? 0) + s.dir);
			balance.set(arc.from, (balance.get(arc.from) ?? 0) - s.dir);
		}
		const uneven = [...balance].filter(([, b]) => b !== 0);
		if (uneven.length === 0) continue;
		if (uneven.length !== 2 || Math.abs(uneven[0][1]) !== 1) return null;
		const [from, to] = uneven[0][1] > 0 ? [uneven[0][0], uneven[1][0]] : [uneven[1][0], uneven[0][0]];
		const stepAt = (node: number) => moved.find((s) => net.arcs[s.arc].from === node || net.arcs[s.arc].to === node) ?? null;
		const path = cheapestPath(net, status[u], from, stepAt(from), to, stepAt(to), { allowPublished, allowShared: false, exclude: -1 });
		if (!path) return null;
		for (const [arcIndex, d] of changesOf(path.steps)) out[u].set(arcIndex, (out[u].get(arcIndex) ?? 0) + d);
	}
	return out;
}

function costOf(nets: readonly Network[], status: Uint8Array[], changes: Map<number, number>[]): number {
	let cost = 0;
	changes.forEach((c, t) => {
		for (const a of c.keys()) if (!nets[t].arcs[a].hidden && status[t][a] === PUBLISHED) cost += nets[t].arcs[a].weight;
	});
	return cost;
}

/** Every network's change is consistent, shared arcs change alike everywhere, and something changes. */
function verified(nets: readonly Network[], status: Uint8Array[], changes: Map<number, number>[]): boolean {
	const sharedChange = new Map<string, number>();
	let any = false;
	for (let t = 0; t < nets.length; t++) {
		const c = changes[t];
		if (c.size > 0) any = true;
		if (!isConsistentChange(nets[t], status[t], c, new Set(c.keys()))) return false;
	}
	// A shared arc must change by the same amount in every network that has it (0 where absent from a map).
	for (let t = 0; t < nets.length; t++)
		nets[t].arcs.forEach((arc, a) => {
			if (arc.shared === null) return;
			const d = changes[t].get(a) ?? 0;
			const seen = sharedChange.get(arc.shared);
			if (seen === undefined) sharedChange.set(arc.shared, d);
			else if (seen !== d) any = false;
		});
	return any;
}

const shownOf = (status: Uint8Array, a: number, value: number): Shown => (status[a] === SUPPRESSED ? { suppressed: true } : { count: value });
const percent = (part: Shown, whole: Shown): number | null => ('count' in part && 'count' in whole && whole.count > 0 ? (100 * part.count) / whole.count : null);

function presentTable(t: TableNet, status: Uint8Array): ProtectedTable {
	const value = (a: number) => t.net.arcs[a].value;
	const cells = t.cell.map((row) => row.map((a) => shownOf(status, a, value(a))));
	const columnTotals = t.columnTotal.map((a) => shownOf(status, a, value(a)));
	const rowTotals = t.rowTotal.map((a) => shownOf(status, a, value(a)));
	const total = shownOf(status, t.total, value(t.total));
	return {
		cells,
		rowTotals,
		columnTotals,
		total,
		shares: cells.map((row) => row.map((c, j) => percent(c, columnTotals[j]))),
		rowShares: rowTotals.map((r) => percent(r, total))
	};
}

function presentCounts(c: CountsNet, status: Uint8Array): ProtectedCounts {
	const value = (a: number) => c.net.arcs[a].value;
	const counts = c.count.map((a) => shownOf(status, a, value(a)));
	const total = shownOf(status, c.total, value(c.total));
	return { counts, total, shares: counts.map((n) => percent(n, total)) };
}

/**
 * A two-way table (options × groups) with its totals, protected on its own.
 *
 * @example suppressTable({ cells: [[1, 5], [4, 6]] }, 3).cells → every cell suppressed (see network.ts)
 */
export function suppressTable(table: TableCounts, k: number): ProtectedTable {
	const t = tableNetwork(table);
	return presentTable(t, protect([t.net], k).status[0]);
}

/**
 * Counts by option for one question overall, with their total, protected on their own.
 *
 * @example suppressCounts({ counts: [2, 10, 8] }, 5) → [suppressed, 10, suppressed], total 20
 */
export function suppressCounts(overall: OverallCounts, k: number): ProtectedCounts {
	const c = countsNetwork(overall);
	return presentCounts(c, protect([c.net], k).status[0]);
}

/**
 * A question's overall counts and its tables by several dimensions, protected together: they show
 * the same option totals and grand total, so those are published in all or none, and no hidden
 * number of one can be worked out with the help of another.
 */
export function suppressLinked(overall: OverallCounts, tables: readonly TableCounts[], k: number): { overall: ProtectedCounts; tables: ProtectedTable[]; suppressedEverything: boolean } {
	const c = countsNetwork(overall);
	const ts = tables.map(tableNetwork);
	const { status, suppressedEverything } = protect([c.net, ...ts.map((t) => t.net)], k);
	return { overall: presentCounts(c, status[0]), tables: ts.map((t, i) => presentTable(t, status[i + 1])), suppressedEverything };
}
