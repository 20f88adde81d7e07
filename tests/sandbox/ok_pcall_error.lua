-- expect: ok
-- control: pcall, error with tables and levels, xpcall with a handler
-- stdout: false boom true ValueError handled: x
local ok, e = pcall(error, "boom", 0)
local ok2, e2 = pcall(error, {type = "ValueError"})
local ok3, e3 = xpcall(function() error("x", 0) end,
                       function(m) return "handled: " .. m end)
print(ok, e, not ok2, e2.type, e3)
