-- expect: runtime
-- class: 11 error object whose __tostring never returns (never called)
-- stderr: (error object is a table value)
error(setmetatable({}, {__tostring = function() while true do end end}))
