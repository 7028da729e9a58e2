/** RFC 5987's encoding: percent-encoding, also of the characters encodeURIComponent leaves. */
const extValue = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The headers of a kept original sent back as a download: its stored media type, an attachment
 * disposition with the name as uploaded (an ASCII fallback and the UTF-8 name, RFC 6266), no
 * sniffing, and no caching by shared caches (a contribution can be held later).
 */
export function attachmentHeaders(file: { name: string; mediaType: string; bytes: Uint8Array }): Record<string, string> {
	const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'original';
	return {
		'Content-Type': file.mediaType,
		'Content-Length': String(file.bytes.byteLength),
		'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${extValue(file.name)}`,
		'X-Content-Type-Options': 'nosniff',
		'Cache-Control': 'private, no-cache'
	};
}
