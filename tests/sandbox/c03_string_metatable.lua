-- expect: runtime
-- class: 3 environment: the shared string metatable is protected
-- stderr: attempt to index a boolean value
assert(getmetatable("") == false, "string metatable exposed")
getmetatable("").__index = {upper = function() return "pwned" end}
