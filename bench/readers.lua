-- wrk script: every request is a new reader, a browser without cookies told apart by its
-- User-Agent ("reader/<label>/<thread>/<n>"). Cerdas counts a cookie-less browser once per
-- address and user agent, so each request is one distinct reader. At the end each thread's
-- number of requests made is appended to the file named by BENCH_READERS_FILE, so the
-- benchmark knows exactly which readers it sent.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  label = args[1] or "run"
  made = 0
  answered = 0
end

function request()
  made = made + 1
  local agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0 reader/" .. label .. "/" .. id .. "/" .. made
  return wrk.format(nil, nil, { ["User-Agent"] = agent })
end

function response(status, headers, body)
  answered = answered + 1
end

function done(summary, latency, requests)
  local out = io.open(os.getenv("BENCH_READERS_FILE"), "a")
  for _, thread in ipairs(threads) do
    out:write(thread:get("label") .. " " .. thread:get("id") .. " " .. thread:get("made") .. " " .. thread:get("answered") .. "\n")
  end
  out:close()
end
