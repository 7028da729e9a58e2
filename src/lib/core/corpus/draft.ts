import type { ParsedUnit } from '../documents/types';
import { WGEC_2016 } from './bodies';
import { cardinal, dateRanges, isoDate } from './dates';
import { memberState } from './member-states';
import { personName } from './parties';
import type { BodyPlan, DocumentPlan, MeetingPlan, RolePlan } from './plan';
import { sourceOf } from './units';

/**
 * The Chair's draft report of 11 November 2017 ("Chairman's initial proposal"). Besides the
 * document itself it states the 2016–2018 body's facts, which are read from its text:
 *  - mandate: paragraph 65 of resolution A/RES/70/125, quoted in introduction paragraph 1
 *    ("…to establish a working group to develop recommendations on how to further implement
 *    enhanced cooperation as envisioned by the Tunis Agenda…") and cited in the summary;
 *  - Chair and composition (paragraph 2: "composed by twenty-two Member States and twenty members
 *    from …", "Ambassador Benedicto Fonseca Filho, from Brazil, was elected Chair");
 *  - the five meetings (paragraph 3: "held five meetings in Geneva … 30 September 2016, 26-27
 *    January 2017; …", "remote participation and live captioning were made available").
 */
export interface DraftInterpretation {
	document: DocumentPlan;
	body: Pick<BodyPlan, 'mandate' | 'roles' | 'meetings' | 'declaredComposition'>;
	warnings: string[];
}

/** Interprets the parsed Chair's draft. */
export function interpretChairDraft(fileName: string, units: ParsedUnit[]): DraftInterpretation {
	const warnings: string[] = [];
	const titles = units.filter((u) => u.kind === 'title').map((u) => u.text);
	const title = titles.find((t) => /draft report/i.test(t)) ?? titles[0] ?? 'Draft report';
	const subtitle = titles.find((t) => /initial proposal of/i.test(t)) ?? null;
	const date = subtitle ? isoDate(/initial proposal of (\d{1,2} \w+ \d{4})/i.exec(subtitle)?.[1] ?? '') : null;
	const documentKey = `${WGEC_2016}/chair-draft-${date ?? 'undated'}`;
	const src = (u: ParsedUnit | null) => sourceOf(documentKey, u);
	const document: DocumentPlan = { key: documentKey, bodySlug: WGEC_2016, kind: 'draft', title, subtitle, date, meetingNumber: null, fileName, lang: 'en', units, compilation: null };

	// Mandate
	let mandate: BodyPlan['mandate'] = null;
	const quote = units.find((u) => /establish a working group to (develop recommendations on how to further implement enhanced cooperation as envisioned (?:by|in) the Tunis Agenda)/i.test(u.text));
	const cite = units.map((u) => ({ u, m: /paragraph (\d+) of\s+resolution (A\/RES\/\d+\/\d+)/i.exec(u.text) })).find((x) => x.m);
	if (quote) {
		const task = /establish a working group to (develop recommendations on how to further implement enhanced cooperation as envisioned (?:by|in) the Tunis Agenda)/i.exec(quote.text)?.[1] ?? '';
		const where = cite?.m ? ` (paragraph ${cite.m[1]} of General Assembly resolution ${cite.m[2]})` : '';
		mandate = { text: `To ${task}${where}.`, source: src(quote) };
	} else warnings.push("Chair's draft: the mandate (paragraph 65 of A/70/125) was not found");

	// Chair and composition
	const roles: RolePlan[] = [];
	let declaredComposition: BodyPlan['declaredComposition'] = null;
	for (const u of units) {
		const chair = /(Ambassador)\s+(\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){1,3}),\s+from\s+(\p{Lu}[\p{L} ]+?),\s+was elected (Chair of the Working Group)/u.exec(u.text);
		if (chair && !roles.length) {
			const person = personName(chair[2]);
			if (person) roles.push({ role: 'chair', person: { ...person, honorific: chair[1] }, organisation: memberState(chair[3]), description: chair[4], source: src(u) });
		}
		const comp = /composed by ([\w-]+) Member States and ([\w-]+) members from (.+?)\.\s/.exec(u.text);
		if (comp && !declaredComposition) {
			const states = cardinal(comp[1]);
			const others = cardinal(comp[2]);
			if (states !== null && others !== null) declaredComposition = { memberStates: states, otherMembers: others, otherMembersFrom: comp[3], source: src(u) };
		}
	}
	if (!roles.length) warnings.push("Chair's draft: the Chair was not found");
	if (!declaredComposition) warnings.push("Chair's draft: the composition was not found");

	// Meetings
	const meetings: MeetingPlan[] = [];
	const held = units.find((u) => /held (\w+) meetings in (\p{Lu}\p{L}+)/u.test(u.text));
	if (held) {
		const m = /held (\w+) meetings in (\p{Lu}\p{L}+)/u.exec(held.text)!;
		const after = held.text.slice(held.text.indexOf(':') + 1);
		const dates = dateRanges(after);
		const count = cardinal(m[1]);
		if (count !== dates.length) warnings.push(`Chair's draft: ${m[1]} meetings announced, ${dates.length} dates found`);
		const remote = /remote participation/i.test(held.text);
		const captioning = /live captioning/i.test(held.text);
		dates.forEach((d, i) =>
			meetings.push({ number: i + 1, startDate: d.start, endDate: d.end, venue: m[2], remoteParticipation: remote, liveCaptioning: captioning, source: src(held) })
		);
	} else warnings.push("Chair's draft: the meetings were not found");

	return { document, body: { mandate, roles, meetings, declaredComposition }, warnings };
}
