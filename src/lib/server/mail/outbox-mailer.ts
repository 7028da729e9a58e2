import type { DbOrTx } from '../db/client';
import { insertOutboxMessage } from '../repositories/outbox';
import type { MailMessage, Mailer } from './mailer';

/**
 * The mailer of an installation without SMTP: messages are filed in the outbox, where
 * administrators read them in the UI (and tests read them). Filing is its delivery, so a filed
 * message counts as sent.
 */
export class OutboxMailer implements Mailer {
	readonly transport = 'outbox';
	constructor(private readonly db: DbOrTx) {}

	async send(msg: MailMessage): Promise<void> {
		await insertOutboxMessage(this.db, { ...msg, transport: this.transport, sentAt: new Date() });
	}
}
