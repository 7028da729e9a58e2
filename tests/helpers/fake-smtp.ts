import { createServer, type Server } from 'node:net';

export interface FakeSmtp {
	url: string;
	/** The DATA of each message received, as sent on the wire. */
	messages: string[];
	close(): Promise<void>;
}

/**
 * A minimal SMTP server on a free loopback port that accepts every message, so the SMTP mailer
 * can be tested against a real socket conversation without a mail server on the machine.
 */
export async function startFakeSmtp(): Promise<FakeSmtp> {
	const messages: string[] = [];
	const server: Server = createServer((socket) => {
		let inData = false;
		let data = '';
		let buffer = '';
		socket.write('220 fake.smtp ESMTP\r\n');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('utf8');
			let i: number;
			while ((i = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, i);
				buffer = buffer.slice(i + 2);
				if (inData) {
					if (line === '.') {
						inData = false;
						messages.push(data);
						data = '';
						socket.write('250 OK queued\r\n');
					} else data += `${line}\n`;
					continue;
				}
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO' || verb === 'HELO') socket.write('250 fake.smtp\r\n');
				else if (verb === 'DATA') {
					inData = true;
					socket.write('354 go ahead\r\n');
				} else if (verb === 'QUIT') {
					socket.write('221 bye\r\n');
					socket.end();
				} else socket.write('250 OK\r\n');
			}
		});
		socket.on('error', () => {});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as { port: number }).port;
	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
