import type { z } from 'zod';

/** The detail of an 'invalid' outcome: each failing field and the rule it broke (a catalog key or zod's code). */
export function invalidDetail(error: z.ZodError): { problems: Record<string, string> } {
	const problems: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '_form');
		if (!problems[field]) problems[field] = issue.message.startsWith('auth.') ? issue.message : issue.code;
	}
	return { problems };
}
