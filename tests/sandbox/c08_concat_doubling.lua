-- expect: memory
-- class: 8 doubling a string
local s = "x"
while true do s = s .. s end
