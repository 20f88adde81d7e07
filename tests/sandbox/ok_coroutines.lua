-- expect: ok
-- control: coroutines, wrap, yield across pcall, close
-- stdout: 1 2 3 4 5 done
local gen = coroutine.wrap(function()
  for i = 1, 5 do pcall(coroutine.yield, i) end
  return "done"
end)
local out = {}
for i = 1, 6 do out[#out + 1] = tostring(gen()) end
print(table.concat(out, " "))
local co = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co)
assert(coroutine.close(co))
