-- expect: time
-- class: 7 time limit caught by pcall in a loop
-- args: --time-limit 300
while true do pcall(function() while true do end end) end
