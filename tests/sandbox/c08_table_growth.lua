-- expect: memory
-- class: 8 live growth
-- args: --memory-limit 32
local t = {}
for i = 1, math.maxinteger do t[i] = {i} end
