-- expect: time
-- class: 7 a coroutine that catches the limit and resumes forever
-- args: --time-limit 300
while true do
  local co = coroutine.create(function() while true do end end)
  print(coroutine.resume(co))
end
