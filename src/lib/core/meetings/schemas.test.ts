import { describe, expect, it } from 'vitest';
import { meetingInput } from './schemas';

const valid = { number: '3', title: 'Third meeting', startsOn: '2017-01-26', endsOn: '2017-01-27', venue: 'Geneva', remoteParticipation: 'on', remoteNote: 'Webcast' };

describe('meetingInput', () => {
	it('parses a form post', () => {
		expect(meetingInput.parse(valid)).toEqual({ ...valid, number: 3, remoteParticipation: true });
	});
	it('reads an unticked checkbox as no remote participation', () => {
		const { remoteParticipation: _, ...rest } = valid;
		expect(meetingInput.parse(rest).remoteParticipation).toBe(false);
	});
	it('ends a one-day meeting on the day it starts', () => {
		expect(meetingInput.parse({ ...valid, endsOn: '' }).endsOn).toBe('2017-01-26');
	});
	it('rejects an end before the start', () => {
		const r = meetingInput.safeParse({ ...valid, endsOn: '2017-01-25' });
		expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['endsOn', 'admin.error.endBeforeStart']]);
	});
	it('requires a positive whole number and a start date', () => {
		for (const number of ['0', '-1', '2.5', 'abc', '10000']) {
			expect(meetingInput.safeParse({ ...valid, number }).error?.issues[0].message).toBe('admin.error.meetingNumber');
		}
		const r = meetingInput.safeParse({ ...valid, number: '', startsOn: '' });
		expect(r.error?.issues.map((i) => [i.path[0], i.code])).toEqual([
			['number', 'invalid_type'],
			['startsOn', 'invalid_type']
		]);
	});
	it('rejects over-long texts', () => {
		expect(meetingInput.safeParse({ ...valid, venue: 'x'.repeat(301) }).error?.issues[0].code).toBe('too_big');
		expect(meetingInput.safeParse({ ...valid, remoteNote: 'x'.repeat(1001) }).error?.issues[0].code).toBe('too_big');
	});
});
