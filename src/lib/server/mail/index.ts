import type { DbOrTx } from '../db/client';
import { readConfig, type PlenaryConfig } from '../config';
import type { Mailer } from './mailer';
import { OutboxMailer } from './outbox-mailer';
import { SmtpMailer } from './smtp-mailer';

export type { MailMessage, Mailer } from './mailer';
export { MailDeliveryError } from './mailer';

/** The installation's mailer: SMTP when `SMTP_URL` is set, otherwise the outbox. */
export function createMailer(db: DbOrTx, config: Pick<PlenaryConfig, 'smtpUrl' | 'mailFrom'> = readConfig()): Mailer {
	if (config.smtpUrl) return new SmtpMailer(db, { url: config.smtpUrl, from: config.mailFrom });
	return new OutboxMailer(db);
}
