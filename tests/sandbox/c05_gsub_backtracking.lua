-- expect: time
-- class: 5 backtracking inside gsub
-- args: --time-limit 300
return (("a"):rep(3000)):gsub((".-"):rep(12) .. "b", "")
