-- expect: time
-- class: 4 CPU in a coroutine entered by resume, its error caught by pcall
-- args: --time-limit 300
local co = coroutine.create(function() local x = 0 while true do x = x + 1 end end)
print(pcall(coroutine.resume, co))
while true do end
