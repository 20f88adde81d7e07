-- expect: memory
-- class: 8 table.concat amplification
local t = {}
local piece = ("z"):rep(1 << 20)
for i = 1, 200 do t[i] = piece end
return #table.concat(t)
