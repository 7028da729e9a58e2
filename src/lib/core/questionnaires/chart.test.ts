import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { barChart, escapeXml, type BarChartOptions } from './chart';

const options: BarChartOptions = {
	id: 'q7',
	title: 'Question 7',
	description: 'Answers by stakeholder group',
	suppressedText: 'fewer than 5',
	width: 400,
	groups: [
		{
			label: 'Yes',
			bars: [
				{ label: 'Government', value: { count: 24 } },
				{ label: 'Academia', value: { suppressed: true } },
				{ label: 'Civil society', value: { count: 12 }, text: '12 (50 %)' }
			]
		}
	]
};

/**
 * Whether the SVG is well-formed: tags balance, attributes are quoted, and no text or attribute
 * holds a raw "<", ">" or "&" (xmldom forgives those, so this checks them itself).
 */
function wellFormed(svg: string): boolean {
	const ENTITY = /&(?:amp|lt|gt|quot|#\d+);/g;
	const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g;
	const stack: string[] = [];
	let at = 0;
	for (const m of svg.matchAll(TAG)) {
		const between = svg.slice(at, m.index);
		if (/[<>]/.test(between) || /&/.test(between.replace(ENTITY, ''))) return false;
		if (/&/.test(m[3].replace(ENTITY, ''))) return false;
		if (m[1]) {
			if (stack.pop() !== m[2]) return false;
		} else if (!m[4]) stack.push(m[2]);
		at = m.index + m[0].length;
	}
	return stack.length === 0 && at === svg.length;
}

/** Parses the SVG (it must be well-formed XML) and returns its root. */
function parse(svg: string): XmlElement {
	expect(wellFormed(svg)).toBe(true);
	const errors: string[] = [];
	const record = (message: string) => void errors.push(message);
	const doc = new DOMParser({ errorHandler: { warning: () => {}, error: record, fatalError: record } }).parseFromString(svg, 'image/svg+xml');
	expect(errors).toEqual([]);
	return doc.documentElement as unknown as XmlElement;
}

type XmlElement = Element;

const elements = (root: XmlElement, name: string) => Array.from(root.getElementsByTagName(name)) as unknown as XmlElement[];

/** The chart's structure in a few lines: what each bar row holds and where. */
function outline(svg: string): string[] {
	const root = parse(svg);
	const out = [`svg role=${root.getAttribute('role')} labelledby=${root.getAttribute('aria-labelledby')} ${root.getAttribute('width')}×${root.getAttribute('height')}`];
	for (const child of Array.from(root.childNodes) as unknown as XmlElement[]) {
		if (child.nodeType !== 1) continue;
		if (child.tagName === 'g') {
			const parts = (Array.from(child.childNodes) as unknown as XmlElement[]).map((e) =>
				e.tagName === 'rect' ? `${e.getAttribute('class')}[${e.getAttribute('x')}+${e.getAttribute('width')}]` : `${e.getAttribute('class')}@${e.getAttribute('x')}:${e.getAttribute('text-anchor')} "${e.textContent}"`
			);
			out.push(parts.join(' | '));
		} else if (child.tagName === 'text') out.push(`heading@${child.getAttribute('x')} "${child.textContent}"`);
		else out.push(`${child.tagName}${child.getAttribute('id') ? '#' + child.getAttribute('id') : ''}${child.tagName === 'defs' ? '' : ` "${child.textContent}"`}`);
	}
	return out;
}

describe('barChart', () => {
	it('draws titled, described bars with their values as text (structure)', () => {
		expect(outline(barChart(options))).toEqual([
			'svg role=img labelledby=q7-title q7-desc 400×112',
			'title#q7-title "Question 7"',
			'desc#q7-desc "Answers by stakeholder group"',
			'defs',
			'heading@0 "Yes"',
			'label@140:end "Government" | bar[148+172] | value@328:start "24"',
			'label@140:end "Academia" | suppressed[148+28] | value@184:start "fewer than 5"',
			'label@140:end "Civil society" | bar[148+86] | value@242:start "12 (50 %)"'
		]);
	});

	it('mirrors the layout right to left', () => {
		const ltr = parse(barChart(options));
		const rtl = parse(barChart({ ...options, dir: 'rtl' }));
		expect(rtl.getAttribute('direction')).toBe('rtl');
		expect(ltr.getAttribute('direction')).toBe('');
		const rects = (root: XmlElement) => elements(root, 'rect').map((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('width'))]);
		rects(rtl).forEach(([x, w], i) => {
			const [lx, lw] = rects(ltr)[i];
			expect(w).toBe(lw);
			expect(x).toBeCloseTo(400 - lx - lw);
		});
		const texts = (root: XmlElement) => elements(root, 'text').map((t) => [Number(t.getAttribute('x')), t.getAttribute('text-anchor'), t.textContent]);
		texts(rtl).forEach(([x, anchor, content], i) => {
			const [lx, la, lc] = texts(ltr)[i];
			expect(x).toBeCloseTo(400 - (lx as number));
			expect([anchor, content]).toEqual([la, lc]);
		});
	});

	it('escapes every text: labels may hold <, &, quotes', () => {
		const nasty = `<script>alert("x")</script> & 'quoted'`;
		const svg = barChart({ ...options, title: nasty, description: nasty, suppressedText: nasty, lang: 'en"x', groups: [{ label: nasty, bars: [{ label: '<b>&', value: { suppressed: true } }] }] });
		expect(svg).not.toContain('<script');
		expect(svg).not.toContain('<b>');
		const root = parse(svg);
		expect(root.getAttribute('lang')).toBe('en"x');
		expect(elements(root, 'title')[0].textContent).toBe(nasty);
		expect(elements(root, 'desc')[0].textContent).toBe(nasty);
		expect(elements(root, 'text').map((t) => t.textContent)).toEqual([nasty, '<b>&', nasty]);
		expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
		expect(wellFormed('<svg><text>a & b</text></svg>')).toBe(false);
		expect(wellFormed('<svg><text>a <b></text></svg>')).toBe(false);
		expect(wellFormed('<svg><text x="1">a &amp; b</text></svg>')).toBe(true);
	});

	it('uses no external resource and nothing but the chart’s own ids', () => {
		const svg = barChart(options);
		expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|href|@import|<image|<script|<style|on\w+=/i);
		expect([...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1])).toEqual(['q7-hatch']);
		expect(svg).toContain('id="q7-hatch"');
	});

	it('draws a suppressed bar the same whatever the other values, and formats counts', () => {
		const big = barChart({ ...options, formatNumber: (n) => new Intl.NumberFormat('fr').format(n), groups: [{ bars: [{ label: 'A', value: { count: 12345 } }, { label: 'B', value: { suppressed: true } }] }] });
		const small = barChart({ ...options, groups: [{ bars: [{ label: 'A', value: { count: 7 } }, { label: 'B', value: { suppressed: true } }] }] });
		const suppressed = (svg: string) => svg.match(/<rect class="suppressed"[^>]*>/)![0];
		expect(suppressed(big)).toBe(suppressed(small));
		expect(parse(big).getElementsByTagName('text')[1].textContent).toBe('12\u202f345');
	});

	it('cuts long labels, draws empty charts, is deterministic and checks its id', () => {
		const long = barChart({ ...options, groups: [{ bars: [{ label: 'x'.repeat(100), value: { count: 0 } }] }] });
		expect(parse(long).getElementsByTagName('text')[0].textContent).toMatch(/^x+…$/);
		expect(outline(barChart({ ...options, groups: [] }))[0]).toBe('svg role=img labelledby=q7-title q7-desc 400×16');
		expect(barChart(options)).toBe(barChart(structuredClone(options)));
		expect(() => barChart({ ...options, id: 'a b"' })).toThrow(RangeError);
	});
});
