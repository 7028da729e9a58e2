/**
 * The WGEC corpus interpretation: from the five files' text to a plain-data import plan.
 * See build.ts for the entry point and plan.ts for the plan's shape.
 */
export { buildCorpusPlan } from './build';
export { recogniseCorpusFile, type CorpusFileKind } from './recognise';
export { WGEC_2013, WGEC_2016 } from './bodies';
export { readQuestionnaireAnnex, WGEC_2013_QUESTIONNAIRE } from './questionnaire';
export type * from './plan';
