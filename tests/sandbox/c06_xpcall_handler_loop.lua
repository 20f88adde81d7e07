-- expect: time
-- class: 6 xpcall handler after a hook-raised limit runs with hooks off
-- args: --time-limit 300
xpcall(function() while true do end end, function() while true do end end)
