import { cleanText } from './clean';

/**
 * The clean text of some lines without any footnote bookkeeping, for decisions about a piece
 * (is it heading-like? does it match a contents entry?). Explicit markers ("¹", "<sup>4</sup>")
 * are removed; glued digits are left alone because no footnote sequence is consulted.
 * Example: ["**Russian", "Federation**"] → "Russian Federation".
 */
export function plainText(lines: readonly string[]): string {
	return cleanText(lines).text;
}
