-- expect: runtime
-- class: 9 Lua stack depth
-- args: --memory-limit 512
-- stderr: stack overflow
local function f() return 1 + f() end
f()
