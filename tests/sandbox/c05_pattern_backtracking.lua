-- expect: time
-- class: 5 CPU inside one C call (pattern backtracking; only the watchdog stops it)
-- args: --time-limit 300
return string.find(("a"):rep(4000), (".-"):rep(15) .. "b")
