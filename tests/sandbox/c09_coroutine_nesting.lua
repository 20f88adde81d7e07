-- expect: ok
-- class: 9 nested resumes end in a catchable C-stack error, not a crash
-- stdout: false true
local function nest(n)
  return coroutine.wrap(function() return nest(n + 1)() end)
end
local ok, e = pcall(nest(0))
print(ok, e:find("C stack overflow", 1, true) ~= nil)
