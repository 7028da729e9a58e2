import { resolve } from 'node:path';

/** Settings read from the environment, in one place. Tests never read DATABASE_URL. */
export interface PlenaryConfig {
	databaseUrl: string | undefined;
	dataDir: string;
	corpusDir: string;
	smtpUrl: string | undefined;
	mailFrom: string;
	origin: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): PlenaryConfig {
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: resolve(env.PLENARY_DATA_DIR || 'data/pglite'),
		corpusDir: resolve(env.PLENARY_CORPUS_DIR || '../shared/corpus'),
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM || 'Plenary <no-reply@plenary.invalid>',
		origin: env.ORIGIN || undefined
	};
}
