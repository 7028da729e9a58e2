/**
 * 32-bit hashes for words and shingles. Not cryptographic: they only need to be fast, spread
 * evenly and be the same on every machine and in every release (stored fingerprints depend on
 * them — changing anything here means recomputing every contribution's fingerprints).
 */

/** FNV-1a over the UTF-16 code units of `text`, unsigned. `hashWord('') === 0x811c9dc5`. */
export function hashWord(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * MurmurHash3 (x86, 32-bit) of the word hashes `hashes[from]` … `hashes[from + count - 1]` taken as
 * its 4-byte blocks: the hash of a shingle (a run of words). The result is signed, as PostgreSQL's
 * `integer` column stores it; its low bits are well mixed, so `hash % n` samples evenly.
 */
export function hashShingle(hashes: ArrayLike<number>, from: number, count: number): number {
	let h = 0x9747b28c;
	for (let i = from; i < from + count; i++) {
		let k = Math.imul(hashes[i], 0xcc9e2d51);
		k = (k << 15) | (k >>> 17);
		k = Math.imul(k, 0x1b873593);
		h ^= k;
		h = (h << 13) | (h >>> 19);
		h = (Math.imul(h, 5) + 0xe6546b64) | 0;
	}
	h ^= count * 4;
	return mix(h);
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function mix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h | 0;
}
