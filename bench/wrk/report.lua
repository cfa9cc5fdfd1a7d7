-- wrk reporter for bench/run.ts: done() prints one machine-readable line,
--   BENCH_JSON {...}
-- so the harness parses JSON instead of scraping wrk's text summary.
-- Latencies are wrk's own histogram, in microseconds.
-- Optional request shape from the environment (set by the harness):
--   BENCH_METHOD (default GET), BENCH_BODY; headers come from wrk's -H flags.
-- Status codes: see BENCH_COUNT_NON2XX below.

wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body ~= nil and body ~= "" then
  wrk.body = body
end

-- Counting every non-2xx response needs response(), which makes wrk copy each response
-- into Lua. Measured here: free for a 5 KB page, but it halved wrk's rate on a 1 MB page
-- (the generator became the bottleneck), so it is opt-in: BENCH_COUNT_NON2XX=1.
-- Without it, non2xx is -1 and the harness uses wrk's native errors.status (>= 400);
-- the harness also checks every target's status once before loading it.
-- Optional: BENCH_ROTATE_HEADER + BENCH_ROTATE_FILE rotate one header over the file's lines,
-- one per request (the session cookies of many viewers). Every request is formatted once in
-- init(), so request() only hands back a prepared string and wrk stays fast.
local rotate_header = os.getenv("BENCH_ROTATE_HEADER")
local rotate_file = os.getenv("BENCH_ROTATE_FILE")
if rotate_header ~= nil and rotate_header ~= "" and rotate_file ~= nil and rotate_file ~= "" then
  local prepared = {}
  local index = 0
  function init(args)
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    for line in io.lines(rotate_file) do
      if line ~= "" then
        headers[rotate_header] = line
        table.insert(prepared, wrk.format(nil, nil, headers))
      end
    end
    -- Threads start at different places in the list.
    index = math.random(#prepared) - 1
  end
  function request()
    index = index % #prepared + 1
    return prepared[index]
  end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local counting = os.getenv("BENCH_COUNT_NON2XX") == "1"
if counting then
  non2xx = 0
  function response(status, headers, body)
    if status < 200 or status > 299 then
      non2xx = non2xx + 1
    end
  end
end

function done(summary, latency, requests)
  local non2xx_total = -1
  if counting then
    non2xx_total = 0
    for _, thread in ipairs(threads) do
      non2xx_total = non2xx_total + (thread:get("non2xx") or 0)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"duration_us":%d,"requests":%d,"bytes":%d,' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"non2xx":%d}\n',
    summary.duration, summary.requests, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout, non2xx_total))
end
