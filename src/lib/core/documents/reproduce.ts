import type { ParsedUnit } from './types';

/**
 * Rebuilds the original text. Every unit keeps its source and the ranges it came from, so the
 * input can be reproduced byte for byte — from the units alone (as stored), or by slicing the
 * original with the units' spans.
 *
 * Example: units A (spans [[0,4],[9,12]], source "ab\n\nxyz") and B (spans [[4,9]], source
 * "note\n") → "ab\n\nnote\nxyz".
 */
export function reproduce(units: readonly ParsedUnit[]): string;
export function reproduce(source: string, units: readonly ParsedUnit[]): string;
export function reproduce(a: string | readonly ParsedUnit[], b?: readonly ParsedUnit[]): string {
	const units = typeof a === 'string' ? (b ?? []) : a;
	const pieces: { start: number; text: string }[] = [];
	for (const u of units) {
		let at = 0;
		for (const [start, end] of u.spans) {
			const text = typeof a === 'string' ? a.slice(start, end) : u.source.slice(at, at + (end - start));
			at += end - start;
			pieces.push({ start, text });
		}
	}
	pieces.sort((x, y) => x.start - y.start);
	return pieces.map((p) => p.text).join('');
}

/**
 * Checks that the units' spans partition [0, length): sorted by start they are contiguous, do
 * not overlap and are not empty. Returns a description of the first problem, or null.
 */
export function partitionProblem(length: number, units: readonly ParsedUnit[]): string | null {
	const spans = units.flatMap((u) => u.spans.map(([s, e]) => ({ s, e, key: u.key }))).sort((x, y) => x.s - y.s);
	let at = 0;
	for (const { s, e, key } of spans) {
		if (s !== at) return `${key}: span starts at ${s}, expected ${at}`;
		if (e <= s) return `${key}: empty span at ${s}`;
		at = e;
	}
	return at === length ? null : `spans end at ${at}, input has ${length} characters`;
}
