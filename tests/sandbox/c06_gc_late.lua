-- expect: runtime
-- class: 6 __gc = true marks for finalization, a function added later would run
-- stderr: __gc metamethods are not allowed
local mt = {__gc = true}
setmetatable({}, mt)
mt.__gc = function() while true do end end
