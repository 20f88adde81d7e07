-- expect: membomb.lua:1: (memory|time) limit
local s = "x" while true do s = s .. s end
