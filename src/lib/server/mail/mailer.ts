/** One plain-text e-mail. */
export interface MailMessage {
	to: string;
	subject: string;
	text: string;
}

/**
 * The port through which Plenary sends mail. Every implementation records each message in the
 * `outbox` table with its transport and whether it went out, so nothing is silently lost: an
 * administrator can read what was sent, and what failed, in the outbox viewer.
 */
export interface Mailer {
	/** The transport's name as recorded in the outbox ('outbox', 'smtp'). */
	readonly transport: string;
	/** Sends (or files) the message; rejects with MailDeliveryError when the transport refused it. */
	send(msg: MailMessage): Promise<void>;
}

/** The transport refused a message; it is recorded in the outbox as failed with this reason. */
export class MailDeliveryError extends Error {
	constructor(
		readonly outboxId: string,
		reason: string
	) {
		super(`Mail could not be delivered (outbox ${outboxId}): ${reason}`);
	}
}
