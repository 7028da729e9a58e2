import type { ParamMatcher } from '@sveltejs/kit';
// Matchers run in the browser too: they may import only pure code.
import { EXPORT_FORMATS, type ExportFormat } from '$lib/core/exports/formats';

/** The formats a version downloads as: html, docx, pdf. */
export const match = ((value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value)) satisfies ParamMatcher;
