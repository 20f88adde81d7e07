-- expect: memory
-- class: 8 gsub amplification
local s = ("x"):rep(1 << 20)
s = s:gsub("x", ("y"):rep(1000))
