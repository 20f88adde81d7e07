-- expect: memory
-- class: 13 the cap holds whatever the collector does
-- args: --memory-limit 16
collectgarbage("step", 1 << 30)
local keep = {}
while true do keep[#keep + 1] = ("k"):rep(4096) .. #keep end
