-- expect: time
-- class: 4 CPU in a __close handler run by coroutine.close (on the closed thread)
-- args: --time-limit 300
local co = coroutine.create(function()
  local guard <close> = setmetatable({}, {__close = function()
    while true do end
  end})
  coroutine.yield()
end)
coroutine.resume(co)
coroutine.close(co)
