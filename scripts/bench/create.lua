-- wrk: POST /api/v1/questions with the key in TSUNAGU_BENCH_KEY; each request a new title.
local key = os.getenv("TSUNAGU_BENCH_KEY")
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"title":"ベンチマークの質問 %d %d","body":"承認フローの通知について","tags":["approvals"]}', n, math.random(1, 1000000000))
  return wrk.format("POST", "/api/v1/questions", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. key,
  }, body)
end
