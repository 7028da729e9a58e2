import { describe, expect, it } from 'vitest';
import { cjkRegion, scriptOfLanguage, scriptsIn } from './scripts';

describe('scriptsIn', () => {
	it('finds the scripts that need fonts of their own, and always Latin', () => {
		expect([...scriptsIn(['Hello', 'Привет', 'Γειά'])]).toEqual(['latin']);
		expect([...scriptsIn(['مرحبا'])].sort()).toEqual(['arabic', 'latin']);
		expect([...scriptsIn(['你好', 'こんにちは', '안녕'])].sort()).toEqual(['cjk', 'latin']);
		expect([...scriptsIn(['全角，标点'])]).toContain('cjk');
		expect([...scriptsIn(['𠀀'])]).toContain('cjk');
		expect([...scriptsIn(['שלום', 'नमस्ते', 'สวัสดี'])].sort()).toEqual(['devanagari', 'hebrew', 'latin', 'thai']);
	});
});

describe('scriptOfLanguage and cjkRegion', () => {
	it('name the script and the CJK face a language is written in', () => {
		expect(scriptOfLanguage('ar')).toBe('arabic');
		expect(scriptOfLanguage('zh-Hant')).toBe('cjk');
		expect(scriptOfLanguage('ru')).toBe('latin');
		expect(cjkRegion('zh')).toBe('SC');
		expect(cjkRegion('zh-Hant')).toBe('TC');
		expect(cjkRegion('zh-TW')).toBe('TC');
		expect(cjkRegion('zh-HK')).toBe('HK');
		expect(cjkRegion('ja')).toBe('JP');
		expect(cjkRegion('ko-KR')).toBe('KR');
	});
});
