// A worker's `resourceLimits` bound its JavaScript heap only. Parsers keep what they inflate in
// ArrayBuffers, which live outside that heap: a 1.5 MB PDF whose content stream inflates to gigabytes
// grew the process by 3 GB in 20 s without ever touching the heap limit. So while parses run, the
// main thread watches the whole process's resident memory and stops them when it grows past what
// they may use together. Resident memory cannot tell one worker from another: when the budget is
// exceeded, every running parse is stopped (an innocent upload that happened to run beside a bomb
// is refused too; it can simply be sent again).

interface Watched {
	rssAtStart: number;
	budget: number;
	stop: () => void;
}

const watched = new Set<Watched>();
let timer: ReturnType<typeof setInterval> | null = null;
/** How often the resident memory is read (a read costs microseconds). */
export const MEMORY_CHECK_MS = 50;

function check(): void {
	if (watched.size === 0) return;
	const rss = process.memoryUsage.rss();
	let base = Infinity;
	let budget = 0;
	for (const w of watched) {
		base = Math.min(base, w.rssAtStart);
		budget += w.budget;
	}
	if (rss - base <= budget) return;
	for (const w of [...watched]) {
		watched.delete(w);
		w.stop();
	}
}

/**
 * Watches the process's resident memory while one parse runs: `stop` is called (once) if the
 * process grows, since the earliest running parse began, by more than the budgets of all running
 * parses together. Returns the function that ends the watch.
 */
export function watchMemory(budgetBytes: number, stop: () => void): () => void {
	const entry: Watched = { rssAtStart: process.memoryUsage.rss(), budget: budgetBytes, stop };
	watched.add(entry);
	if (!timer) {
		timer = setInterval(check, MEMORY_CHECK_MS);
		// The watch alone never keeps the process alive.
		timer.unref();
	}
	return () => {
		watched.delete(entry);
		if (watched.size === 0 && timer) {
			clearInterval(timer);
			timer = null;
		}
	};
}
