-- wrk script: each request is one check-in (or, on the second pass, check-out) of a distinct
-- trainee token for a session open now, with a unique client key. Targets come from the
-- file the benchmark writes: one "token sessionId" per line. Each thread sends as the registered
-- terminal wrk-<thread>, with a face result.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = args[1]
  local count = tonumber(args[2])
  run = args[3] or "run"
  targets = {}
  local n = 0
  for line in io.lines(file) do
    if n % count == id then
      local token, session = line:match("(%S+) (%S+)")
      table.insert(targets, { token, session })
    end
    n = n + 1
  end
  i = 0
  pass = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  i = i + 1
  if i > #targets then
    i = 1
    pass = pass + 1
  end
  local t = targets[i]
  local kind = (pass % 2 == 0) and "CHECK_IN" or "CHECK_OUT"
  local body = string.format(
    '{"token":"%s","sessionId":%s,"kind":"%s","time":"%s","latitude":36.651,"longitude":117.12,' ..
    '"deviceId":"wrk-%d","faceScore":0.95,"clientKey":"wrk-%s-%d-%d-%d"}',
    t[1], t[2], kind, os.date("!%Y-%m-%dT%H:%M:%SZ"), id, run, id, pass, i)
  return wrk.format(nil, "/api/v1/attendance/check-ins", nil, body)
end
