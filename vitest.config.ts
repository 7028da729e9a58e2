import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';

/**
 * Three tiers in one run: pure unit tests beside their code, integration tests of commands and
 * repositories against real databases (PGlite always, PostgreSQL when TEST_POSTGRES_URL is set),
 * and journeys in Chromium against the built server.
 */
export default defineConfig({
	test: {
		projects: [
			{
				extends: false,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts', 'cli/**/*.test.ts'],
					environment: 'node',
					// Projects with different worker limits must run as separate groups: unit, then
					// integration, then the journeys (which then have the machine to themselves).
					sequence: { groupOrder: 0 }
				}
			},
			{
				plugins: [sveltekit()],
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/helpers/database-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: true,
					maxWorkers: 2,
					sequence: { groupOrder: 1 }
				}
			},
			{
				extends: false,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.e2e.ts'],
					environment: 'node',
					globalSetup: ['tests/helpers/server-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000,
					// One server, one browser per file: journeys run one file at a time.
					fileParallelism: false,
					sequence: { groupOrder: 2 }
				}
			}
		]
	}
});
