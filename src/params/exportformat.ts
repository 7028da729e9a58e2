import type { ParamMatcher } from '@sveltejs/kit';
import { EXPORT_FORMATS, type ExportFormat } from '$lib/server/exports/download';

/** The formats a version downloads as: html, docx, pdf. */
export const match = ((value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value)) satisfies ParamMatcher;
