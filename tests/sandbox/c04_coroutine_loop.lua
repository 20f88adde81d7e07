-- expect: time
-- class: 4 CPU inside a coroutine (hooks are per thread)
-- args: --time-limit 300
local co = coroutine.wrap(function() while true do end end)
co()
