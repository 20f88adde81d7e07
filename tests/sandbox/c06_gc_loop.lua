-- expect: runtime
-- class: 6 finalizers run with hooks off: __gc is refused
-- stderr: __gc metamethods are not allowed
setmetatable({}, {__gc = function() while true do end end})
collectgarbage()
