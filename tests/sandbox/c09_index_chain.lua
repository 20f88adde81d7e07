-- expect: runtime
-- class: 9 C-stack depth through a metamethod chain
-- stderr: stack overflow
local t = setmetatable({}, {})
getmetatable(t).__index = function(s, k) return s[k] end
return t.x
