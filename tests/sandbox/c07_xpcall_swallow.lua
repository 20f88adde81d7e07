-- expect: time
-- class: 7 xpcall with a handler that tries to keep going
-- args: --time-limit 300
local function again() return xpcall(function() while true do end end, again) end
while true do again() end
