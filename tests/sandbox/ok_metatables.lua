-- expect: ok
-- control: metatables without __gc, __close, goto, integer for loops
-- stdout: 3 closed 55
local V = setmetatable({}, {__call = function(_, x) return x + 1 end})
local r = V(2)
do local c <close> = setmetatable({}, {__close = function() io_ok = "closed" end}) end
local s = 0
for i = 1, 10 do
  if i > 10 then goto done end
  s = s + i
end
::done::
print(r, io_ok, s)
