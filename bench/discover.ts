/**
 * Finds the Chair's draft to benchmark: from the open-data API when it lists documents, otherwise
 * from the body page's document links. Prefers a draft whose title names the Chair.
 */
export async function findDraftSlug(origin: string, bodyPath: string): Promise<string | null> {
	const fromApi = await fromOpenData(origin);
	if (fromApi) return fromApi;
	const html = await (await fetch(origin + bodyPath)).text();
	return pickFromLinks(html);
}

interface Listed {
	slug?: string;
	title?: string;
	kind?: string;
}

/** The best candidate among listed documents: a Chair's draft, then any draft, then the first. */
export function pickDocument(items: Listed[]): string | null {
	const withSlug = items.filter((d) => typeof d.slug === 'string' && d.slug);
	const chairsDraft = withSlug.find((d) => d.kind === 'draft' && /chair/i.test(d.title ?? ''));
	const draft = withSlug.find((d) => d.kind === 'draft' || /draft/i.test(d.title ?? ''));
	return (chairsDraft ?? draft ?? withSlug[0])?.slug ?? null;
}

async function fromOpenData(origin: string): Promise<string | null> {
	try {
		const response = await fetch(`${origin}/api/v1/documents`, { headers: { accept: 'application/json' } });
		if (!response.ok) return null;
		const body = (await response.json()) as unknown;
		const items = Array.isArray(body) ? body : ((body as { data?: unknown; items?: unknown }).data ?? (body as { items?: unknown }).items);
		return Array.isArray(items) ? pickDocument(items as Listed[]) : null;
	} catch {
		return null;
	}
}

/** From the links `/en/documents/<slug>` in a page: the one whose text says "draft", else the first. */
export function pickFromLinks(html: string): string | null {
	const links = [...html.matchAll(/<a[^>]+href="\/[a-z]{2}\/documents\/([^"/?#]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
		slug: decodeURIComponent(m[1]),
		title: m[2].replace(/<[^>]+>/g, ' ')
	}));
	return pickDocument(links);
}
