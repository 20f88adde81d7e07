-- expect: time
-- class: 4 CPU two coroutines deep: the tick reaches the innermost thread,
-- class: whose hook flushes "inner" before the deadline (a host kill would lose it)
-- args: --time-limit 300
-- stdout: inner
local inner = coroutine.wrap(function() print("inner") while true do end end)
local outer = coroutine.create(function() inner() end)
coroutine.resume(outer)
