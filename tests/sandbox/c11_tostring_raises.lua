-- expect: runtime
-- class: 11 error object whose __tostring raises
-- stderr: (error object is a table value)
error(setmetatable({}, {__tostring = function() error("again") end}))
