-- wrk: POST /api/v1/questions with the key in TSUNAGU_BENCH_KEY, or in turn with the keys
-- listed one per line in the file TSUNAGU_BENCH_KEYS (several members asking at once, each
-- question in one of the seeded topics in turn); each request a new title.
--
-- Each wrk thread runs this in a Lua state of its own: `setup` numbers the threads, so that
-- their titles differ and they start at different members and topics.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local keys = {}
local file = os.getenv("TSUNAGU_BENCH_KEYS")
if file and file ~= "" then
  for line in io.lines(file) do
    if line ~= "" then keys[#keys + 1] = line end
  end
else
  keys[1] = os.getenv("TSUNAGU_BENCH_KEY")
end
local topics = { "approvals", "excel", "sharepoint", "teams", "outlook", "経費精算", "power-apps" }
local n = 0
local me = 1

function init(args)
  me = thread_number or 1
  -- Threads start half the members apart (and three topics apart).
  n = (me - 1) * 16
  math.randomseed(os.time() * 100 + me)
end

request = function()
  n = n + 1
  local key = keys[(n % #keys) + 1]
  local topic = "approvals"
  if #keys > 1 then topic = topics[(n % #topics) + 1] end
  local body = string.format('{"title":"ベンチマークの質問 %d-%d %d","body":"承認フローの通知について","tags":["%s"]}', me, n, math.random(1, 1000000000), topic)
  return wrk.format("POST", "/api/v1/questions", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. key,
  }, body)
end
