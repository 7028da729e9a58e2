import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { assertPortFree, freePort, serverSettings } from './server-process.js';

describe('server settings', () => {
	it('defaults to port 3000 on loopback with a localhost origin', () => {
		expect(serverSettings({})).toEqual({ port: 3000, host: '127.0.0.1', origin: 'http://localhost:3000', probeUrl: 'http://127.0.0.1:3000/' });
	});

	it('follows PORT for the origin and probes a wildcard host on loopback', () => {
		expect(serverSettings({ PORT: '4321', HOST: '0.0.0.0' })).toMatchObject({ origin: 'http://localhost:4321', probeUrl: 'http://127.0.0.1:4321/' });
		expect(serverSettings({ HOST: '::1' }).probeUrl).toBe('http://[::1]:3000/');
	});

	it('keeps an ORIGIN that is set, without a trailing slash', () => {
		expect(serverSettings({ ORIGIN: 'https://plenary.example.org/' }).origin).toBe('https://plenary.example.org');
	});

	it.each(['abc', '0', '70000', '3000x', '-1'])('refuses PORT=%s with a clear message', (port) => {
		expect(() => serverSettings({ PORT: port })).toThrow(/PORT must be a number from 1 to 65535/);
	});

	it('refuses an ORIGIN that is not an http(s) address', () => {
		expect(() => serverSettings({ ORIGIN: 'localhost:3000' })).toThrow(/ORIGIN must be an http/);
	});
});

describe('port check', () => {
	it('passes on a free port and names the port when it is taken', async () => {
		const port = await freePort();
		await expect(assertPortFree(port, '127.0.0.1')).resolves.toBeUndefined();
		const holder: Server = createServer();
		await new Promise<void>((r) => holder.listen(port, '127.0.0.1', () => r()));
		try {
			await expect(assertPortFree(port, '127.0.0.1')).rejects.toThrow(`port ${port} is in use — set PORT=`);
		} finally {
			await new Promise((r) => holder.close(r));
		}
	});
});
