-- expect: time
-- class: 5 slow single instructions (multi-MiB CONCAT)
-- args: --time-limit 300
local s = ("x"):rep(8 << 20)
while true do local t = s .. s end
