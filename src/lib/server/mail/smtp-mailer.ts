import nodemailer from 'nodemailer';
import type { DbOrTx } from '../db/client';
import { insertOutboxMessage, markOutboxFailed, markOutboxSent } from '../repositories/outbox';
import { MailDeliveryError, type MailMessage, type Mailer } from './mailer';

export interface SmtpSettings {
	/** smtp://user:pass@host:587 or smtps://… — nodemailer's connection URL. */
	url: string;
	/** The From header, e.g. 'Plenary <no-reply@example.org>'. */
	from: string;
}

/**
 * Sends through an SMTP server. The message is recorded in the outbox first (pending), then
 * marked sent or failed with the server's reason — so a message the server refused is still
 * there for an administrator to see and act on.
 */
export class SmtpMailer implements Mailer {
	readonly transport = 'smtp';
	private readonly transporter;

	constructor(
		private readonly db: DbOrTx,
		private readonly settings: SmtpSettings
	) {
		// Short timeouts: a person is waiting for the page while the message goes out. Settings in
		// the URL's query (e.g. ?connectionTimeout=…) take precedence.
		this.transporter = nodemailer.createTransport({ url: settings.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
	}

	async send(msg: MailMessage): Promise<void> {
		const row = await insertOutboxMessage(this.db, { ...msg, transport: this.transport, sentAt: null });
		try {
			await this.transporter.sendMail({ from: this.settings.from, to: msg.to, subject: msg.subject, text: msg.text });
		} catch (e) {
			const reason = (e as Error).message || String(e);
			await markOutboxFailed(this.db, row.id, reason);
			throw new MailDeliveryError(row.id, reason);
		}
		await markOutboxSent(this.db, row.id);
	}
}
