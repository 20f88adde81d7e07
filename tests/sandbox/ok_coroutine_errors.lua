-- expect: ok
-- control: resume/wrap errors read as in Lua 5.4.4 (the sandbox re-implements wrap)
-- stdout: false line 8: boom
-- stdout: false table 7
-- stdout: false cannot resume dead coroutine
-- stdout: false bad argument #1 to 'coroutine.resume' (thread expected, got number)
local f = coroutine.wrap(function() error("boom", 0) end)
local ok, e = pcall(function() local r = f() return r end)
print(ok, (e:gsub("^[^:]*:(%d+): ", "line %1: ")))
local g = coroutine.wrap(function() error({code = 7}) end)
local ok2, e2 = pcall(g)
print(ok2, type(e2), e2.code)
local h = coroutine.wrap(function() return 1 end)
h()
print(pcall(h))
print(pcall(coroutine.resume, 42))
