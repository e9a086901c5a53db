-- wrk's done() hook for ./harmony bench http: one line of exact figures (counts, microseconds,
-- bytes) for http-bench.sh to read, instead of wrk's rounded, unit-suffixed summary.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "harmony-bench requests=%d duration_us=%d bytes=%d non2xx=%d connect=%d read=%d write=%d"
      .. " timeout=%d mean_us=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.bytes, e.status, e.connect, e.read, e.write,
    e.timeout, math.floor(latency.mean + 0.5), latency:percentile(50), latency:percentile(99)))
end
