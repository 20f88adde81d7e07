-- expect: output
-- class: 7/10 output limit caught by pcall
-- args: --output-limit 4
while true do pcall(print, ("y"):rep(100)) end
