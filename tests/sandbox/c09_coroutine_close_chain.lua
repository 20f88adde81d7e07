-- expect: ok
-- class: 9/12 5.4.4 segfault: a chain of coroutine.close through __close
-- stdout: false true
local prev
for i = 1, 20000 do
  local p = prev
  local co = coroutine.create(function()
    local x <close> = setmetatable({}, {__close = function()
      if p then assert(coroutine.close(p)) end
    end})
    coroutine.yield()
  end)
  coroutine.resume(co)
  prev = co
end
local ok, e = coroutine.close(prev)
print(ok, e:find("coroutine.close nested too deeply", 1, true) ~= nil)
