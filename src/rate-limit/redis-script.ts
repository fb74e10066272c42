// The Lua twin of `countRequest` and `keepFor` (policy.ts): one script, so
// reading, deciding and counting are one atomic step and one round trip.
// The time is the Redis server's (TIME), so application instances whose
// clocks disagree still share the same windows. One key per counter (a
// hash), so the script is safe on Redis Cluster. Numbers leave the script
// as integers, since Redis truncates Lua floats in replies.
export const countScript = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local sliding = ARGV[3] == 'sliding'
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local index = math.floor(now / window)
local elapsed = now - index * window
local stored = redis.call('HMGET', KEYS[1], 'w', 'c', 'p')
local storedIndex = tonumber(stored[1])
local current, previous = 0, 0
if storedIndex == index then
  current = tonumber(stored[2]) or 0
  previous = tonumber(stored[3]) or 0
elseif storedIndex == index - 1 then
  previous = tonumber(stored[2]) or 0
end
if not sliding then previous = 0 end
if current + previous * (window - elapsed) / window + 1 > limit then
  return { 0, current, previous, elapsed }
end
current = current + 1
redis.call('HSET', KEYS[1], 'w', string.format('%d', index), 'c', current, 'p', previous)
local keep = window - elapsed
if sliding then keep = keep + window end
redis.call('PEXPIRE', KEYS[1], keep)
return { 1, current, previous, elapsed }
`

