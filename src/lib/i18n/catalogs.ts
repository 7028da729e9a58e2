/**
 * The message catalogs: one catalog per locale, kept as one JSON file per area of the product
 * (so that work on one area never edits another's file), merged here. English is the reference:
 * its keys type every call to `t`, and a test checks every other locale has the same keys and ICU
 * arguments.
 */
import ar_common from './messages/ar/common.json' with { type: 'json' };
import ar_bodies from './messages/ar/bodies.json' with { type: 'json' };
import ar_documents from './messages/ar/documents.json' with { type: 'json' };
import ar_search from './messages/ar/search.json' with { type: 'json' };
import ar_auth from './messages/ar/auth.json' with { type: 'json' };
import ar_admin from './messages/ar/admin.json' with { type: 'json' };
import ar_audit from './messages/ar/audit.json' with { type: 'json' };
import ar_api from './messages/ar/api.json' with { type: 'json' };
import ar_drafting from './messages/ar/drafting.json' with { type: 'json' };
import ar_contributions from './messages/ar/contributions.json' with { type: 'json' };
import ar_questionnaires from './messages/ar/questionnaires.json' with { type: 'json' };
import ar_questionnaire_build from './messages/ar/questionnaire-build.json' with { type: 'json' };
import ar_questionnaire_answer from './messages/ar/questionnaire-answer.json' with { type: 'json' };
import ar_questionnaire_analysis from './messages/ar/questionnaire-analysis.json' with { type: 'json' };
import ar_consensus from './messages/ar/consensus.json' with { type: 'json' };
import en_common from './messages/en/common.json' with { type: 'json' };
import en_bodies from './messages/en/bodies.json' with { type: 'json' };
import en_documents from './messages/en/documents.json' with { type: 'json' };
import en_search from './messages/en/search.json' with { type: 'json' };
import en_auth from './messages/en/auth.json' with { type: 'json' };
import en_admin from './messages/en/admin.json' with { type: 'json' };
import en_audit from './messages/en/audit.json' with { type: 'json' };
import en_api from './messages/en/api.json' with { type: 'json' };
import en_drafting from './messages/en/drafting.json' with { type: 'json' };
import en_contributions from './messages/en/contributions.json' with { type: 'json' };
import en_questionnaires from './messages/en/questionnaires.json' with { type: 'json' };
import en_questionnaire_build from './messages/en/questionnaire-build.json' with { type: 'json' };
import en_questionnaire_answer from './messages/en/questionnaire-answer.json' with { type: 'json' };
import en_questionnaire_analysis from './messages/en/questionnaire-analysis.json' with { type: 'json' };
import en_consensus from './messages/en/consensus.json' with { type: 'json' };
import es_common from './messages/es/common.json' with { type: 'json' };
import es_bodies from './messages/es/bodies.json' with { type: 'json' };
import es_documents from './messages/es/documents.json' with { type: 'json' };
import es_search from './messages/es/search.json' with { type: 'json' };
import es_auth from './messages/es/auth.json' with { type: 'json' };
import es_admin from './messages/es/admin.json' with { type: 'json' };
import es_audit from './messages/es/audit.json' with { type: 'json' };
import es_api from './messages/es/api.json' with { type: 'json' };
import es_drafting from './messages/es/drafting.json' with { type: 'json' };
import es_contributions from './messages/es/contributions.json' with { type: 'json' };
import es_questionnaires from './messages/es/questionnaires.json' with { type: 'json' };
import es_questionnaire_build from './messages/es/questionnaire-build.json' with { type: 'json' };
import es_questionnaire_answer from './messages/es/questionnaire-answer.json' with { type: 'json' };
import es_questionnaire_analysis from './messages/es/questionnaire-analysis.json' with { type: 'json' };
import es_consensus from './messages/es/consensus.json' with { type: 'json' };
import fr_common from './messages/fr/common.json' with { type: 'json' };
import fr_bodies from './messages/fr/bodies.json' with { type: 'json' };
import fr_documents from './messages/fr/documents.json' with { type: 'json' };
import fr_search from './messages/fr/search.json' with { type: 'json' };
import fr_auth from './messages/fr/auth.json' with { type: 'json' };
import fr_admin from './messages/fr/admin.json' with { type: 'json' };
import fr_audit from './messages/fr/audit.json' with { type: 'json' };
import fr_api from './messages/fr/api.json' with { type: 'json' };
import fr_drafting from './messages/fr/drafting.json' with { type: 'json' };
import fr_contributions from './messages/fr/contributions.json' with { type: 'json' };
import fr_questionnaires from './messages/fr/questionnaires.json' with { type: 'json' };
import fr_questionnaire_build from './messages/fr/questionnaire-build.json' with { type: 'json' };
import fr_questionnaire_answer from './messages/fr/questionnaire-answer.json' with { type: 'json' };
import fr_questionnaire_analysis from './messages/fr/questionnaire-analysis.json' with { type: 'json' };
import fr_consensus from './messages/fr/consensus.json' with { type: 'json' };
import ru_common from './messages/ru/common.json' with { type: 'json' };
import ru_bodies from './messages/ru/bodies.json' with { type: 'json' };
import ru_documents from './messages/ru/documents.json' with { type: 'json' };
import ru_search from './messages/ru/search.json' with { type: 'json' };
import ru_auth from './messages/ru/auth.json' with { type: 'json' };
import ru_admin from './messages/ru/admin.json' with { type: 'json' };
import ru_audit from './messages/ru/audit.json' with { type: 'json' };
import ru_api from './messages/ru/api.json' with { type: 'json' };
import ru_drafting from './messages/ru/drafting.json' with { type: 'json' };
import ru_contributions from './messages/ru/contributions.json' with { type: 'json' };
import ru_questionnaires from './messages/ru/questionnaires.json' with { type: 'json' };
import ru_questionnaire_build from './messages/ru/questionnaire-build.json' with { type: 'json' };
import ru_questionnaire_answer from './messages/ru/questionnaire-answer.json' with { type: 'json' };
import ru_questionnaire_analysis from './messages/ru/questionnaire-analysis.json' with { type: 'json' };
import ru_consensus from './messages/ru/consensus.json' with { type: 'json' };
import zh_common from './messages/zh/common.json' with { type: 'json' };
import zh_bodies from './messages/zh/bodies.json' with { type: 'json' };
import zh_documents from './messages/zh/documents.json' with { type: 'json' };
import zh_search from './messages/zh/search.json' with { type: 'json' };
import zh_auth from './messages/zh/auth.json' with { type: 'json' };
import zh_admin from './messages/zh/admin.json' with { type: 'json' };
import zh_audit from './messages/zh/audit.json' with { type: 'json' };
import zh_api from './messages/zh/api.json' with { type: 'json' };
import zh_drafting from './messages/zh/drafting.json' with { type: 'json' };
import zh_contributions from './messages/zh/contributions.json' with { type: 'json' };
import zh_questionnaires from './messages/zh/questionnaires.json' with { type: 'json' };
import zh_questionnaire_build from './messages/zh/questionnaire-build.json' with { type: 'json' };
import zh_questionnaire_answer from './messages/zh/questionnaire-answer.json' with { type: 'json' };
import zh_questionnaire_analysis from './messages/zh/questionnaire-analysis.json' with { type: 'json' };
import zh_consensus from './messages/zh/consensus.json' with { type: 'json' };
import type { Locale } from './locales';

const en = { ...en_common, ...en_bodies, ...en_documents, ...en_search, ...en_auth, ...en_admin, ...en_audit, ...en_api, ...en_drafting, ...en_contributions, ...en_questionnaires, ...en_questionnaire_build, ...en_questionnaire_answer, ...en_questionnaire_analysis, ...en_consensus };
export type MessageKey = keyof typeof en;
export type Catalog = Partial<Record<MessageKey, string>>;

/** Files by locale and area, for the catalog tests. */
export const AREAS = ['common', 'bodies', 'documents', 'search', 'auth', 'admin', 'audit', 'api', 'drafting', 'contributions', 'questionnaires', 'questionnaire-build', 'questionnaire-answer', 'questionnaire-analysis', 'consensus'] as const;
export const catalogFiles: Record<Locale, Record<(typeof AREAS)[number], Record<string, string>>> = {
	ar: { common: ar_common, bodies: ar_bodies, documents: ar_documents, search: ar_search, auth: ar_auth, admin: ar_admin, audit: ar_audit, api: ar_api, drafting: ar_drafting, contributions: ar_contributions, questionnaires: ar_questionnaires, 'questionnaire-build': ar_questionnaire_build, 'questionnaire-answer': ar_questionnaire_answer, 'questionnaire-analysis': ar_questionnaire_analysis, consensus: ar_consensus },
	en: { common: en_common, bodies: en_bodies, documents: en_documents, search: en_search, auth: en_auth, admin: en_admin, audit: en_audit, api: en_api, drafting: en_drafting, contributions: en_contributions, questionnaires: en_questionnaires, 'questionnaire-build': en_questionnaire_build, 'questionnaire-answer': en_questionnaire_answer, 'questionnaire-analysis': en_questionnaire_analysis, consensus: en_consensus },
	es: { common: es_common, bodies: es_bodies, documents: es_documents, search: es_search, auth: es_auth, admin: es_admin, audit: es_audit, api: es_api, drafting: es_drafting, contributions: es_contributions, questionnaires: es_questionnaires, 'questionnaire-build': es_questionnaire_build, 'questionnaire-answer': es_questionnaire_answer, 'questionnaire-analysis': es_questionnaire_analysis, consensus: es_consensus },
	fr: { common: fr_common, bodies: fr_bodies, documents: fr_documents, search: fr_search, auth: fr_auth, admin: fr_admin, audit: fr_audit, api: fr_api, drafting: fr_drafting, contributions: fr_contributions, questionnaires: fr_questionnaires, 'questionnaire-build': fr_questionnaire_build, 'questionnaire-answer': fr_questionnaire_answer, 'questionnaire-analysis': fr_questionnaire_analysis, consensus: fr_consensus },
	ru: { common: ru_common, bodies: ru_bodies, documents: ru_documents, search: ru_search, auth: ru_auth, admin: ru_admin, audit: ru_audit, api: ru_api, drafting: ru_drafting, contributions: ru_contributions, questionnaires: ru_questionnaires, 'questionnaire-build': ru_questionnaire_build, 'questionnaire-answer': ru_questionnaire_answer, 'questionnaire-analysis': ru_questionnaire_analysis, consensus: ru_consensus },
	zh: { common: zh_common, bodies: zh_bodies, documents: zh_documents, search: zh_search, auth: zh_auth, admin: zh_admin, audit: zh_audit, api: zh_api, drafting: zh_drafting, contributions: zh_contributions, questionnaires: zh_questionnaires, 'questionnaire-build': zh_questionnaire_build, 'questionnaire-answer': zh_questionnaire_answer, 'questionnaire-analysis': zh_questionnaire_analysis, consensus: zh_consensus },
};

export const catalogs: Record<Locale, Catalog> = {
	ar: { ...ar_common, ...ar_bodies, ...ar_documents, ...ar_search, ...ar_auth, ...ar_admin, ...ar_audit, ...ar_api, ...ar_drafting, ...ar_contributions, ...ar_questionnaires, ...ar_questionnaire_build, ...ar_questionnaire_answer, ...ar_questionnaire_analysis, ...ar_consensus } as Catalog,
	en,
	es: { ...es_common, ...es_bodies, ...es_documents, ...es_search, ...es_auth, ...es_admin, ...es_audit, ...es_api, ...es_drafting, ...es_contributions, ...es_questionnaires, ...es_questionnaire_build, ...es_questionnaire_answer, ...es_questionnaire_analysis, ...es_consensus } as Catalog,
	fr: { ...fr_common, ...fr_bodies, ...fr_documents, ...fr_search, ...fr_auth, ...fr_admin, ...fr_audit, ...fr_api, ...fr_drafting, ...fr_contributions, ...fr_questionnaires, ...fr_questionnaire_build, ...fr_questionnaire_answer, ...fr_questionnaire_analysis, ...fr_consensus } as Catalog,
	ru: { ...ru_common, ...ru_bodies, ...ru_documents, ...ru_search, ...ru_auth, ...ru_admin, ...ru_audit, ...ru_api, ...ru_drafting, ...ru_contributions, ...ru_questionnaires, ...ru_questionnaire_build, ...ru_questionnaire_answer, ...ru_questionnaire_analysis, ...ru_consensus } as Catalog,
	zh: { ...zh_common, ...zh_bodies, ...zh_documents, ...zh_search, ...zh_auth, ...zh_admin, ...zh_audit, ...zh_api, ...zh_drafting, ...zh_contributions, ...zh_questionnaires, ...zh_questionnaire_build, ...zh_questionnaire_answer, ...zh_questionnaire_analysis, ...zh_consensus } as Catalog,
};
