-- expect: runtime
-- class: 9 parser nesting
-- stderr: overflow
assert(load("return " .. ("("):rep(100000) .. "1" .. (")"):rep(100000)))
