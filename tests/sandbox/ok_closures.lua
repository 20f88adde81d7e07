-- expect: ok
-- control: closures and upvalues
-- stdout: 1 2 3 10
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c, d = counter(), counter()
c(); c()
for i = 1, 9 do d() end
print(1, 2, c(), d())
