-- expect: runtime
-- class: 3 environment: cannot replace the string metatable
-- stderr: bad argument #1 to 'setmetatable'
setmetatable("", {__index = function() return "pwned" end})
