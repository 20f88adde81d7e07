-- expect: time
-- class: 4 CPU across many short-lived coroutines
-- args: --time-limit 300
while true do
  local co = coroutine.create(function() for i = 1, 10 do coroutine.yield(i) end end)
  while coroutine.resume(co) do end
end
