/**
 * An accessible horizontal bar chart, drawn on the server as an SVG string: no script, no
 * external resource, the same bytes for the same input.
 *
 * - `<svg role="img" aria-labelledby="…-title …-desc">` with a `<title>` and a `<desc>`; the page
 *   shows the same numbers in a table beside it, so the chart never carries information alone.
 * - One bar per count, its value written beside it (never colour alone); bars use `currentColor`,
 *   so they follow the page's text colour and contrast.
 * - A suppressed count is drawn as a short hatched, outlined box of fixed width — its length says
 *   nothing about the hidden value — labelled with the caller's (already translated) text.
 * - `dir: 'rtl'` mirrors the layout (labels on the right, bars growing leftwards) and sets the
 *   SVG `direction`, so text anchors keep their logical meaning.
 * - Every text is escaped; labels longer than the label column are cut with "…".
 *
 *   label column | bar ──────────── value
 *   Government   | ████████████      24
 *   Academia     | ▨▨                fewer than 5
 */
import type { Shown } from './suppression';

export interface ChartBar {
	label: string;
	value: Shown;
	/** What decides the bar's length when the value is published (e.g. a share); the count by default. */
	measure?: number;
	/** The text written after the bar; the formatted count by default. */
	text?: string;
}

export interface ChartGroup {
	/** A heading above the group's bars (e.g. the option), or none. */
	label?: string;
	bars: readonly ChartBar[];
}

export interface BarChartOptions {
	/** Prefix of the ids inside the SVG: unique on the page, letters, digits, '-' and '_'. */
	id: string;
	title: string;
	description: string;
	groups: readonly ChartGroup[];
	/** Written beside a suppressed bar, in the reader's language (e.g. "fewer than 5"). */
	suppressedText: string;
	dir?: 'ltr' | 'rtl';
	/** The language of the texts, for the `lang` attribute. */
	lang?: string;
	/** Formats a count for the reader's locale (e.g. `new Intl.NumberFormat('fr').format`). */
	formatNumber?: (n: number) => string;
	/** Width in pixels (default 640). */
	width?: number;
}

const BAR = 18;
const GAP = 8;
const HEADING = 26;
const PAD = 8;
const SUPPRESSED_WIDTH = 28;
const CHAR_WIDTH = 7.5;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for SVG element content and attribute values. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A number as SVG writes it: at most two decimals, no trailing zeros, never "-0". */
const num = (n: number): string => {
	const r = Math.round(n * 100) / 100;
	return String(Object.is(r, -0) ? 0 : r);
};

function truncate(text: string, width: number): string {
	const max = Math.max(1, Math.floor(width / CHAR_WIDTH));
	const chars = [...text];
	return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/**
 * Draws the chart. Layout, in logical terms (mirrored for right-to-left): a label column of 35 %
 * of the width, then the bars, scaled to the largest published measure, leaving room for values.
 *
 * @example barChart({ id: 'q7', title: 'Question 7', description: '…', suppressedText: 'fewer than 5',
 *   groups: [{ bars: [{ label: 'Government', value: { count: 24 } }, { label: 'Academia', value: { suppressed: true } }] }] })
 */
export function barChart(options: BarChartOptions): string {
	if (!/^[A-Za-z][\w-]*$/.test(options.id)) throw new RangeError('chart id: a letter, then letters, digits, "-" or "_"');
	const width = options.width ?? 640;
	const rtl = options.dir === 'rtl';
	const format = options.formatNumber ?? ((n: number) => String(n));
	const labelWidth = Math.round(width * 0.35);
	const valueRoom = Math.max(80, Math.round(width * 0.2));
	const barStart = labelWidth + PAD;
	const barRoom = Math.max(1, width - barStart - valueRoom);
	const measureOf = (bar: ChartBar) => ('count' in bar.value ? (bar.measure ?? bar.value.count) : 0);
	const largest = Math.max(0, ...options.groups.flatMap((g) => g.bars.map(measureOf)));
	// Logical x (from the inline start) to physical x; a box's physical left edge.
	const x = (logical: number) => (rtl ? width - logical : logical);
	const boxX = (logical: number, w: number) => (rtl ? width - logical - w : logical);
	const id = escapeXml(options.id);

	const body: string[] = [];
	let y = PAD;
	for (const group of options.groups) {
		if (group.label !== undefined) {
			y += HEADING;
			body.push(`<text class="group" x="${num(x(0))}" y="${num(y - 8)}" text-anchor="start" font-weight="bold">${escapeXml(truncate(group.label, width))}</text>`);
		}
		for (const bar of group.bars) {
			const middle = y + BAR / 2;
			const parts = [`<text class="label" x="${num(x(labelWidth))}" y="${num(middle)}" text-anchor="end" dominant-baseline="middle">${escapeXml(truncate(bar.label, labelWidth))}</text>`];
			let valueAt: number;
			let valueText: string;
			if ('count' in bar.value) {
				const length = largest > 0 ? (barRoom * Math.max(0, measureOf(bar))) / largest : 0;
				parts.push(`<rect class="bar" x="${num(boxX(barStart, length))}" y="${num(y)}" width="${num(length)}" height="${BAR}" fill="currentColor" fill-opacity="0.7"/>`);
				valueAt = barStart + length + PAD;
				valueText = bar.text ?? format(bar.value.count);
			} else {
				parts.push(
					`<rect class="suppressed" x="${num(boxX(barStart, SUPPRESSED_WIDTH))}" y="${num(y)}" width="${SUPPRESSED_WIDTH}" height="${BAR}" fill="url(#${id}-hatch)" stroke="currentColor"/>`
				);
				valueAt = barStart + SUPPRESSED_WIDTH + PAD;
				valueText = bar.text ?? options.suppressedText;
			}
			parts.push(`<text class="value" x="${num(x(valueAt))}" y="${num(middle)}" text-anchor="start" dominant-baseline="middle">${escapeXml(valueText)}</text>`);
			body.push(`<g>${parts.join('')}</g>`);
			y += BAR + GAP;
		}
	}
	const height = Math.max(y + PAD - GAP, 2 * PAD);

	const lang = options.lang ? ` lang="${escapeXml(options.lang)}"` : '';
	const direction = rtl ? ' direction="rtl"' : '';
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" width="${width}" height="${num(height)}" viewBox="0 0 ${width} ${num(height)}"${lang}${direction} font-family="sans-serif" font-size="13" fill="currentColor">` +
		`<title id="${id}-title">${escapeXml(options.title)}</title>` +
		`<desc id="${id}-desc">${escapeXml(options.description)}</desc>` +
		`<defs><pattern id="${id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="2"/></pattern></defs>` +
		body.join('') +
		`</svg>`
	);
}
