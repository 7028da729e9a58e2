import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressCounts, suppressLinked, suppressTable, type ProtectedCounts, type ProtectedTable, type Shown } from './suppression';

const S = { suppressed: true } as const;
const n = (count: number): Shown => ({ count });
const isHidden = (s: Shown) => 'suppressed' in s;

/**
 * A brute-force onlooker. Every number of the published tables is a variable: a published one
 * is fixed at its value, a suppressed one ranges over 1..bound (zeros are always published, so a
 * suppressed number is known to be at least 1 — a stronger onlooker than one who only knows it is
 * not negative). `equal` lists sums that must hold (coefficients ±1, sum = 0); `atMost` lists
 * sums that must be ≤ 0. For each suppressed variable, a depth-first search with bounds
 * propagation looks for a solution in which it differs from the real value; the variable is
 * exposed when there is none.
 */
interface Model {
	vars: Map<string, { truth: number; hidden: boolean }>;
	equal: [string, number][][];
	atMost: [string, number][][];
}

function exposedVariables(model: Model, bound: number, budget = 2_000_000): string[] {
	const names = [...model.vars.keys()];
	const index = new Map(names.map((v, i) => [v, i]));
	const truth = names.map((v) => model.vars.get(v)!.truth);
	const lo = names.map((v) => (model.vars.get(v)!.hidden ? 1 : model.vars.get(v)!.truth));
	const hi = names.map((v) => (model.vars.get(v)!.hidden ? bound : model.vars.get(v)!.truth));
	const eq = model.equal.map((c) => c.map(([v, k]) => [index.get(v)!, k] as const));
	const le = model.atMost.map((c) => c.map(([v, k]) => [index.get(v)!, k] as const));
	const all = [...eq.map((c) => ({ c, equal: true })), ...le.map((c) => ({ c, equal: false }))];
	let nodes = 0;

	// Is there a solution with lower/upper bounds l, h? Bounds propagation, then branching.
	function search(l: number[], h: number[], target: number): boolean {
		if (++nodes > budget) throw new Error('brute force: budget exceeded');
		// Propagate to a fixed point.
		for (let changed = true; changed; ) {
			changed = false;
			for (const { c, equal } of all) {
				let min = 0;
				let max = 0;
				for (const [v, k] of c) {
					min += k > 0 ? k * l[v] : k * h[v];
					max += k > 0 ? k * h[v] : k * l[v];
				}
				if (min > 0 || (equal && max < 0)) return false;
				for (const [v, k] of c) {
					const restMin = min - (k > 0 ? k * l[v] : k * h[v]);
					const restMax = max - (k > 0 ? k * h[v] : k * l[v]);
					// k·x + rest ≤ 0 (and ≥ 0 when equal)
					let nl = l[v];
					let nh = h[v];
					if (k > 0) {
						nh = Math.min(nh, Math.floor(-restMin / k));
						if (equal) nl = Math.max(nl, Math.ceil(-restMax / k));
					} else {
						nl = Math.max(nl, Math.ceil(restMin / -k));
						if (equal) nh = Math.min(nh, Math.floor(restMax / -k));
					}
					if (nl > nh) return false;
					if (nl !== l[v] || nh !== h[v]) {
						l[v] = nl;
						h[v] = nh;
						changed = true;
					}
				}
			}
		}
		if (l[target] === h[target] && l[target] === truth[target]) return false;
		// Branch on the target first, then on the first open variable, trying values near the truth.
		let v = l[target] !== h[target] ? target : l.findIndex((x, i) => x !== h[i]);
		if (v < 0) return l[target] !== truth[target];
		const values: number[] = [];
		for (let x = l[v]; x <= h[v]; x++) if (!(v === target && x === truth[v])) values.push(x);
		values.sort((a, b) => Math.abs(a - truth[v]) - Math.abs(b - truth[v]) || a - b);
		for (const x of values) {
			const l2 = [...l];
			const h2 = [...h];
			l2[v] = h2[v] = x;
			if (search(l2, h2, target)) return true;
		}
		return false;
	}
	return names.filter((_, i) => model.vars.get(names[i])!.hidden && !search([...lo], [...hi], i));
}

/** Adds a published table (cells, row totals, column totals, grand total) to a model; `respondents` for multiple choice. */
function addTable(model: Model, prefix: string, cells: number[][], shown: ProtectedTable, respondents?: number[], rowName = (i: number) => `r${i}`, totalName = 'N') {
	const R = cells.length;
	const C = cells[0].length;
	const put = (name: string, truth: number, s: Shown) => model.vars.set(name, { truth, hidden: isHidden(s) });
	const cell = (i: number, j: number) => `${prefix}n${i},${j}`;
	const col = (j: number) => `${prefix}c${j}`;
	const colTruth = (j: number) => respondents?.[j] ?? cells.reduce((s, r) => s + r[j], 0);
	cells.forEach((row, i) => row.forEach((v, j) => put(cell(i, j), v, shown.cells[i][j])));
	cells.forEach((row, i) => put(rowName(i), row.reduce((s, v) => s + v, 0), shown.rowTotals[i]));
	for (let j = 0; j < C; j++) put(col(j), colTruth(j), shown.columnTotals[j]);
	put(totalName, Array.from({ length: C }, (_, j) => colTruth(j)).reduce((s, v) => s + v, 0), shown.total);
	for (let i = 0; i < R; i++) model.equal.push([...Array.from({ length: C }, (_, j) => [cell(i, j), 1] as [string, number]), [rowName(i), -1]]);
	model.equal.push([...Array.from({ length: C }, (_, j) => [col(j), 1] as [string, number]), [totalName, -1]]);
	for (let j = 0; j < C; j++) {
		const column = Array.from({ length: R }, (_, i) => [cell(i, j), 1] as [string, number]);
		if (!respondents) model.equal.push([...column, [col(j), -1]]);
		else {
			// Each respondent chose at least one option, and no option more often than there are respondents.
			model.atMost.push([...column.map(([v]) => [v, -1] as [string, number]), [col(j), 1]]);
			for (const [v] of column) model.atMost.push([[v, 1], [col(j), -1]]);
		}
	}
}

function addCounts(model: Model, counts: number[], shown: ProtectedCounts, respondents?: number) {
	counts.forEach((v, i) => model.vars.set(`r${i}`, { truth: v, hidden: isHidden(shown.counts[i]) }));
	model.vars.set('N', { truth: respondents ?? counts.reduce((s, v) => s + v, 0), hidden: isHidden(shown.total) });
	const options = counts.map((_, i) => [`r${i}`, 1] as [string, number]);
	if (respondents === undefined) model.equal.push([...options, ['N', -1]]);
	else {
		model.atMost.push([...options.map(([v]) => [v, -1] as [string, number]), ['N', 1]]);
		for (const [v] of options) model.atMost.push([[v, 1], ['N', -1]]);
	}
}

const emptyModel = (): Model => ({ vars: new Map(), equal: [], atMost: [] });
const boundFor = (total: number, shown: Shown) => ('count' in shown ? total : 2 * total + 2);

/** The checks every published table must pass: small counts hidden, published counts true. */
function expectHonest(cells: number[][], shown: ProtectedTable, k: number) {
	cells.forEach((row, i) =>
		row.forEach((v, j) => {
			const s = shown.cells[i][j];
			if (v > 0 && v < k) expect(s).toEqual(S);
			if ('count' in s) expect(s.count).toBe(v);
			if (v === 0) expect(s).toEqual(n(0));
		})
	);
}

const smallTable = (rows: [number, number], columns: [number, number], max: number) =>
	fc.integer({ min: rows[0], max: rows[1] }).chain((r) =>
		fc.integer({ min: columns[0], max: columns[1] }).chain((c) => fc.array(fc.array(fc.integer({ min: 0, max }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
	);

describe('suppressTable', () => {
	it('hides a small cell with the cheapest cycle of complements (worked example)', () => {
		const t = suppressTable({ cells: [[1, 5], [4, 6]] }, 3);
		expect(t.cells).toEqual([
			[S, S],
			[S, S]
		]);
		expect(t.rowTotals).toEqual([n(6), n(10)]);
		expect(t.columnTotals).toEqual([n(5), n(11)]);
		expect(t.total).toEqual(n(16));
		expect(t.shares).toEqual([
			[null, null],
			[null, null]
		]);
	});

	it('publishes large tables untouched, with shares of the column total', () => {
		const t = suppressTable({ cells: [[10, 0], [30, 20]] }, 5);
		expect(t.cells).toEqual([
			[n(10), n(0)],
			[n(30), n(20)]
		]);
		expect(t.shares).toEqual([
			[25, 0],
			[75, 100]
		]);
		expect(t.rowShares).toEqual([(100 * 10) / 60, (100 * 50) / 60]);
	});

	it('does not take a 2×2 block of 1s for protection: zeros are published, so each is known to be 1', () => {
		const cells = [
			[1, 1, 10],
			[1, 1, 10],
			[10, 10, 10]
		];
		const t = suppressTable({ cells }, 5);
		// Were only the block hidden, rows 12 and columns 12 would leave x + y = 2 with x, y ≥ 1.
		const hidden = t.cells.flat().filter(isHidden).length;
		expect(hidden).toBeGreaterThan(4);
		const model = emptyModel();
		addTable(model, '', cells, t);
		expect(exposedVariables(model, 63)).toEqual([]);
	});

	it('protects a row whose only non-zero cell is small: zeros next to it make the row total that cell', () => {
		const cells = [
			[0, 3, 0],
			[6, 7, 8],
			[9, 5, 6]
		];
		const t = suppressTable({ cells }, 5);
		expect(t.cells[0]).toEqual([n(0), S, n(0)]);
		// The row total equals the cell, so it is hidden too, and so is a second row total.
		expect(t.rowTotals[0]).toEqual(S);
		expect(t.rowTotals.filter(isHidden).length).toBeGreaterThanOrEqual(2);
		const model = emptyModel();
		addTable(model, '', cells, t);
		expect(exposedVariables(model, 44)).toEqual([]);
	});

	it('hides a total below k and keeps it from being the grand total minus the others', () => {
		const cells = [
			[2, 1],
			[20, 30]
		];
		const t = suppressTable({ cells }, 5);
		expect(t.rowTotals[0]).toEqual(S);
		const model = emptyModel();
		addTable(model, '', cells, t);
		expect(exposedVariables(model, 53)).toEqual([]);
	});

	it('hides everything of a table smaller than k', () => {
		const t = suppressTable({ cells: [[1, 2], [0, 1]] }, 5);
		expect(t.total).toEqual(S);
		expect(t.cells).toEqual([
			[S, S],
			[n(0), S]
		]);
	});

	it('law: no suppressed number can be worked out from the published cells and totals (brute force)', () => {
		fc.assert(
			fc.property(smallTable([2, 4], [2, 4], 12), fc.integer({ min: 3, max: 5 }), (cells, k) => {
				const t = suppressTable({ cells }, k);
				expectHonest(cells, t, k);
				const model = emptyModel();
				addTable(model, '', cells, t);
				const total = cells.flat().reduce((s, v) => s + v, 0);
				expect(exposedVariables(model, boundFor(total, t.total))).toEqual([]);
			}),
			{ numRuns: 300, seed: 20260501 }
		);
	});

	it('law: totals below k are suppressed, and shares appear only beside published numbers', () => {
		fc.assert(
			fc.property(smallTable([1, 5], [1, 6], 15), fc.integer({ min: 2, max: 6 }), (cells, k) => {
				const t = suppressTable({ cells }, k);
				const rowSums = cells.map((r) => r.reduce((s, v) => s + v, 0));
				rowSums.forEach((v, i) => v > 0 && v < k && expect(t.rowTotals[i]).toEqual(S));
				t.shares.forEach((row, i) =>
					row.forEach((share, j) => {
						const cell = t.cells[i][j];
						const column = t.columnTotals[j];
						if (share === null) expect('count' in cell && 'count' in column && column.count > 0).toBe(false);
						else if ('count' in cell && 'count' in column) expect(share).toBeCloseTo((100 * cell.count) / column.count);
						else expect.unreachable('a share beside a suppressed number');
					})
				);
			}),
			{ numRuns: 300, seed: 7 }
		);
	});

	it('is deterministic', () => {
		fc.assert(
			fc.property(smallTable([1, 6], [1, 6], 20), fc.integer({ min: 2, max: 6 }), (cells, k) => {
				expect(suppressTable({ cells }, k)).toEqual(suppressTable({ cells: cells.map((r) => [...r]) }, k));
			}),
			{ numRuns: 100, seed: 3 }
		);
	});

	it('publishes a table of zeros as it is, and an empty table', () => {
		const t = suppressTable({ cells: [[0, 0], [0, 0]] }, 5);
		expect([...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total]).toEqual(Array(9).fill(n(0)));
		expect(t.shares.flat()).toEqual([null, null, null, null]);
		expect(suppressTable({ cells: [] }, 5).total).toEqual(n(0));
	});

	it('rejects a ragged table and a bad k', () => {
		expect(() => suppressTable({ cells: [[1, 2], [3]] }, 5)).toThrow(RangeError);
		expect(() => suppressTable({ cells: [[1]] }, 0)).toThrow(RangeError);
	});
});

describe('suppressTable with several choices per respondent', () => {
	/** Random multiple-choice answers: per column, respondents each choosing a non-empty set of options. */
	const answers = fc.integer({ min: 2, max: 3 }).chain((options) =>
		fc.integer({ min: 2, max: 3 }).chain((columns) =>
			fc.array(fc.array(fc.array(fc.boolean(), { minLength: options, maxLength: options }), { maxLength: 8 }), { minLength: columns, maxLength: columns }).map((byColumn) => ({ options, byColumn }))
		)
	);
	const tally = ({ options, byColumn }: { options: number; byColumn: boolean[][][] }) => {
		const picked = byColumn.map((people) => people.filter((p) => p.some(Boolean)));
		const cells = Array.from({ length: options }, (_, i) => picked.map((people) => people.filter((p) => p[i]).length));
		return { cells, respondents: picked.map((p) => p.length) };
	};

	it('counts respondents in the column totals and checks the input adds up', () => {
		const t = suppressTable({ cells: [[6, 7], [6, 0]], respondents: [10, 7] }, 5);
		expect(t.columnTotals).toEqual([n(10), n(7)]);
		expect(t.rowTotals).toEqual([n(13), n(6)]);
		expect(t.total).toEqual(n(17));
		expect(t.shares[0][0]).toBe(60);
		expect(() => suppressTable({ cells: [[6, 7]], respondents: [10, 7] }, 5)).toThrow(RangeError);
		expect(() => suppressTable({ cells: [[11, 7], [0, 1]], respondents: [10, 7] }, 5)).toThrow(RangeError);
	});

	it('hides a group whose few members all chose the same option', () => {
		const cells = [
			[2, 30],
			[0, 20]
		];
		const t = suppressTable({ cells, respondents: [2, 40] }, 5);
		expect(t.cells[0][0]).toEqual(S);
		expect(t.columnTotals[0]).toEqual(S);
		const model = emptyModel();
		addTable(model, '', cells, t, [2, 40]);
		expect(exposedVariables(model, 42)).toEqual([]);
	});

	it('law: no suppressed number can be worked out, knowing each respondent chose at least one option (brute force)', () => {
		fc.assert(
			fc.property(answers, fc.integer({ min: 3, max: 4 }), (raw, k) => {
				const { cells, respondents } = tally(raw);
				const t = suppressTable({ cells, respondents }, k);
				expectHonest(cells, t, k);
				const model = emptyModel();
				addTable(model, '', cells, t, respondents);
				const total = respondents.reduce((s, v) => s + v, 0);
				expect(exposedVariables(model, boundFor(total, t.total))).toEqual([]);
			}),
			{ numRuns: 200, seed: 11 }
		);
	});
});

describe('suppressCounts', () => {
	it('hides a small count and the smallest other count with it', () => {
		const c = suppressCounts({ counts: [2, 10, 8] }, 5);
		expect(c.counts).toEqual([S, n(10), S]);
		expect(c.total).toEqual(n(20));
		expect(c.shares).toEqual([null, 50, null]);
	});

	it('publishes zeros and large counts untouched', () => {
		expect(suppressCounts({ counts: [0, 10, 8] }, 5).counts).toEqual([n(0), n(10), n(8)]);
	});

	it('law: no suppressed count can be worked out (brute force, one and several choices)', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 3, max: 5 }), fc.boolean(), (counts, k, several) => {
				const sum = counts.reduce((s, v) => s + v, 0);
				const max = Math.max(...counts);
				// Several choices: as few respondents as the largest count allows, but at least… the largest count.
				const respondents = several ? Math.max(max, Math.ceil(sum / 2)) : undefined;
				const c = suppressCounts({ counts, respondents }, k);
				counts.forEach((v, i) => v > 0 && v < k && expect(c.counts[i]).toEqual(S));
				const model = emptyModel();
				addCounts(model, counts, c, respondents);
				expect(exposedVariables(model, boundFor(respondents ?? sum, c.total))).toEqual([]);
			}),
			{ numRuns: 300, seed: 5 }
		);
	});
});

describe('suppressLinked', () => {
	it('publishes an option total in every table or in none', () => {
		const byGroup = [
			[3, 9],
			[10, 12]
		];
		const byRegion = [
			[6, 6],
			[11, 11]
		];
		const result = suppressLinked({ counts: [12, 22] }, [{ cells: byGroup }, { cells: byRegion }], 5);
		const hiddenRows = (shown: Shown[]) => shown.map(isHidden);
		expect(hiddenRows(result.tables[0].rowTotals)).toEqual(hiddenRows(result.overall.counts));
		expect(hiddenRows(result.tables[1].rowTotals)).toEqual(hiddenRows(result.overall.counts));
		expect(result.suppressedEverything).toBe(false);
	});

	it('law: no suppressed number can be worked out from the overall counts and two tables together (brute force)', () => {
		// Respondents: (option, group, region); the tables count them by group and by region.
		const people = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 2 })), { maxLength: 24 });
		fc.assert(
			fc.property(people, fc.integer({ min: 3, max: 4 }), (rows, k) => {
				const options = 3;
				const byGroup = Array.from({ length: options }, (_, o) => [0, 1].map((g) => rows.filter((p) => p[0] === o && p[1] === g).length));
				const byRegion = Array.from({ length: options }, (_, o) => [0, 1, 2].map((r) => rows.filter((p) => p[0] === o && p[2] === r).length));
				const counts = byGroup.map((r) => r[0] + r[1]);
				const result = suppressLinked({ counts }, [{ cells: byGroup }, { cells: byRegion }], k);
				expect(result.suppressedEverything).toBe(false);
				expectHonest(byGroup, result.tables[0], k);
				expectHonest(byRegion, result.tables[1], k);
				const model = emptyModel();
				addCounts(model, counts, result.overall);
				addTable(model, 'g', byGroup, result.tables[0]);
				addTable(model, 'x', byRegion, result.tables[1]);
				// The onlooker's model has one variable per shared total (r0…, N): a table's own copies must agree.
				for (const t of result.tables) {
					expect(t.rowTotals.map(isHidden)).toEqual(result.overall.counts.map(isHidden));
					expect(isHidden(t.total)).toBe(isHidden(result.overall.total));
				}
				expect(exposedVariables(model, boundFor(rows.length, result.overall.total))).toEqual([]);
			}),
			{ numRuns: 200, seed: 13 }
		);
	});

	it('law: the same holds with several choices per respondent and three linked tables (brute force)', () => {
		// Respondents: (chosen options as bits, group, region, status); at least one option each.
		const people = fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })), { maxLength: 14 });
		fc.assert(
			fc.property(people, fc.integer({ min: 3, max: 4 }), (rows, k) => {
				const options = [0, 1];
				const chose = (p: (typeof rows)[number], o: number) => (p[0] & (1 << o)) !== 0;
				const tableBy = (d: 1 | 2 | 3) => ({
					cells: options.map((o) => [0, 1].map((c) => rows.filter((p) => chose(p, o) && p[d] === c).length)),
					respondents: [0, 1].map((c) => rows.filter((p) => p[d] === c).length)
				});
				const tables = [tableBy(1), tableBy(2), tableBy(3)];
				const counts = options.map((o) => rows.filter((p) => chose(p, o)).length);
				const result = suppressLinked({ counts, respondents: rows.length }, tables, k);
				expect(result.suppressedEverything).toBe(false);
				const model = emptyModel();
				addCounts(model, counts, result.overall, rows.length);
				tables.forEach((t, i) => {
					expectHonest(t.cells, result.tables[i], k);
					addTable(model, `t${i}`, t.cells, result.tables[i], t.respondents);
				});
				expect(exposedVariables(model, boundFor(rows.length, result.overall.total))).toEqual([]);
			}),
			{ numRuns: 200, seed: 17 }
		);
	});
});
