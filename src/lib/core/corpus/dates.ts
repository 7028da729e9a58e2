/**
 * Dates as the WGEC documents write them.
 *
 * Examples: isoDate('12 December 2013') → '2013-12-12'; isoDate('08 November 2013') →
 * '2013-11-08'; dayMonthYear('05-12-2016') → '2016-12-05' (day first, as the Russian
 * Federation's e-mail header writes it); dateRanges('30 September 2016, 26-27 January 2017')
 * → [{ start: '2016-09-30', end: '2016-09-30' }, { start: '2017-01-26', end: '2017-01-27' }].
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

function iso(day: number, month: number, year: number): string | null {
	if (month < 1 || month > 12 || day < 1 || day > 31) return null;
	const d = new Date(Date.UTC(year, month - 1, day));
	if (d.getUTCMonth() !== month - 1) return null;
	return `${year}-${pad(month)}-${pad(day)}`;
}

/** "12 December 2013" → '2013-12-12'; null when it is not such a date. */
export function isoDate(text: string): string | null {
	const m = /^\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*$/.exec(text);
	if (!m) return null;
	const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
	return month ? iso(Number(m[1]), month, Number(m[3])) : null;
}

/** "05-12-2016" or "05.12.2016" (day, month, year) → '2016-12-05'. */
export function dayMonthYear(text: string): string | null {
	const m = /^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*$/.exec(text);
	return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Every "30 September 2016" or "26-27 January 2017" in a text, in order. */
export function dateRanges(text: string): { start: string; end: string }[] {
	const out: { start: string; end: string }[] = [];
	const re = /\b(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b/g;
	for (const m of text.matchAll(re)) {
		const month = MONTHS.indexOf(m[3].toLowerCase()) + 1;
		const start = iso(Number(m[1]), month, Number(m[4]));
		const end = iso(Number(m[2] ?? m[1]), month, Number(m[4]));
		if (start && end) out.push({ start, end });
	}
	return out;
}

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** "twenty-two" → 22, "twenty" → 20, "37" → 37; null for anything else. */
export function cardinal(text: string): number | null {
	const t = text.trim().toLowerCase();
	if (/^\d+$/.test(t)) return Number(t);
	const small = SMALL.indexOf(t);
	if (small >= 0) return small;
	const m = /^([a-z]+)(?:[-\s]([a-z]+))?$/.exec(t);
	if (!m) return null;
	const tens = TENS.indexOf(m[1]);
	if (tens < 2) return null;
	if (!m[2]) return tens * 10;
	const unit = SMALL.indexOf(m[2]);
	return unit >= 1 && unit <= 9 ? tens * 10 + unit : null;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "second" → 2, "4th" → 4, "2nd" → 2; null for anything else. */
export function ordinal(text: string): number | null {
	const t = text.trim().toLowerCase();
	const m = /^(\d+)(?:st|nd|rd|th)$/.exec(t);
	if (m) return Number(m[1]);
	const i = ORDINALS.indexOf(t);
	return i >= 0 ? i + 1 : null;
}
