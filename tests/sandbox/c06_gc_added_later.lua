-- expect: time
-- class: 6 __gc added after setmetatable is never called (Lua semantics)
-- args: --time-limit 300
local mt = {}
setmetatable({}, mt)
mt.__gc = function() print("finalizer ran") end
collectgarbage()
while true do end
