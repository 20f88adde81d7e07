-- expect: ok
-- control: math, integer/float distinctions, deterministic random with a seed
-- stdout: integer float 3 -4 1.0 true true
local r1 = {}
math.randomseed(42)
for i = 1, 5 do r1[i] = math.random(100) end
math.randomseed(42)
local same = true
for i = 1, 5 do same = same and math.random(100) == r1[i] end
print(math.type(7 // 2), math.type(7 / 2), 7 // 2, -7 // 2, math.abs(-1.0),
      same, math.maxinteger + 1 == math.mininteger)
