// The parts of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
	namespace autocannon {
		interface Histogram {
			average: number;
			mean: number;
			total: number;
			p50: number;
			p99: number;
		}
		interface Result {
			requests: Histogram;
			latency: Histogram;
			throughput: Histogram;
			errors: number;
			timeouts: number;
			non2xx: number;
		}
		interface Options {
			url: string;
			connections?: number;
			duration?: number;
			headers?: Record<string, string>;
		}
	}
	function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
	export default autocannon;
}
