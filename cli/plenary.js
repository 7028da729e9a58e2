#!/usr/bin/env node
// The `plenary` command. The CLI is TypeScript that shares code with the server (src/lib/server,
// src/lib/core); tsx (a dependency) compiles it on the fly, so `npx plenary …` works right after
// `npm install`, with no build step. See docs/adr/cli-through-tsx.md.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
	console.error(`plenary needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
	process.exit(1);
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
const code = await main(process.argv.slice(2));
// Exit explicitly: a database driver's idle timer must not keep a finished command alive.
process.exit(code);
