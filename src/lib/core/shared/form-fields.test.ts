import { describe, expect, it } from 'vitest';
import { isCalendarDate, isId, recordIdInput } from './form-fields';

describe('isCalendarDate', () => {
	it('accepts real days only', () => {
		expect(isCalendarDate('2017-01-26')).toBe(true);
		expect(isCalendarDate('2016-02-29')).toBe(true);
		expect(isCalendarDate('2017-02-29')).toBe(false);
		expect(isCalendarDate('2017-13-01')).toBe(false);
		expect(isCalendarDate('26/01/2017')).toBe(false);
		expect(isCalendarDate('2017-1-26')).toBe(false);
	});
});

describe('isId', () => {
	it('recognises UUIDs', () => {
		expect(isId('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe(true);
		expect(isId('not-an-id')).toBe(false);
		expect(isId(undefined)).toBe(false);
	});
});

describe('recordIdInput', () => {
	it('accepts one record id and nothing else', () => {
		expect(recordIdInput.parse({ id: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' })).toEqual({ id: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' });
		expect(recordIdInput.safeParse({ id: "1' or 1=1" }).success).toBe(false);
		expect(recordIdInput.safeParse({}).success).toBe(false);
	});
});
