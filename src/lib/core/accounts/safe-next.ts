import { NEXT_MAX } from './schemas';

/**
 * Where to go after signing in, if `next` is safe: a path on this site only. Anything that could
 * leave the site is refused (returns null), so a link like `/sign-in?next=https://evil.example`
 * cannot turn Plenary into an open redirect.
 *
 * Worked examples:
 *   '/en/account'                 → '/en/account'
 *   '/en/bodies/wgec?tab=x#top'   → '/en/bodies/wgec?tab=x#top'
 *   '//evil.example/x'            → null   (protocol-relative: another host)
 *   '/\evil.example'              → null   (browsers read "\" as "/")
 *   'https://evil.example'        → null   (absolute)
 *   'en/account'                  → null   (relative to the current page, not to the site)
 */
export function safeNextPath(next: string | null | undefined): string | null {
	if (!next || next.length > NEXT_MAX) return null;
	if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
	// Control characters and spaces: browsers strip tabs and newlines, which can turn "/\t/x" into "//x".
	if (/[\u0000-\u0020\u007f\\]/.test(next)) return null;
	const base = 'http://plenary.invalid';
	let url: URL;
	try {
		url = new URL(next, base);
	} catch {
		return null;
	}
	if (url.origin !== base) return null;
	return url.pathname + url.search + url.hash;
}
