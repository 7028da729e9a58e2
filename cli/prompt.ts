/**
 * Asks for a secret on a terminal without echoing it. Reads raw keystrokes: Enter ends the answer,
 * Backspace removes a character, Ctrl-C and Ctrl-D abandon it.
 */
export function promptHidden(question: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream = process.stderr): Promise<string> {
	if (!input.isTTY) return Promise.reject(new Error('not a terminal'));
	return new Promise((resolvePromise, reject) => {
		let answer = '';
		// Raw mode before the question: keys typed the moment it appears must not echo.
		input.setRawMode(true);
		output.write(question);
		input.setEncoding('utf8');
		input.resume();
		const finish = (error: Error | null) => {
			input.setRawMode(false);
			input.pause();
			input.removeListener('data', onData);
			output.write('\n');
			if (error) reject(error);
			else resolvePromise(answer);
		};
		const onData = (chunk: string) => {
			// A paste arrives as one chunk, so look at every character.
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n') return finish(null);
				if (ch === '\u0003' || ch === '\u0004') return finish(new Error('cancelled'));
				if (ch === '\u007f' || ch === '\b') answer = [...answer].slice(0, -1).join('');
				else if (ch >= ' ') answer += ch;
			}
		};
		input.on('data', onData);
	});
}
