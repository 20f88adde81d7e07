-- expect: time
-- class: 4 CPU through endless tail calls
-- args: --time-limit 300
local function f(n) return f(n + 1) end
return f(0)
