-- expect: ok
-- control: a grader printing a few KiB of feedback, args and results
-- stdout: 4096
local lines = {}
for i = 1, 64 do lines[i] = ("-"):rep(63) end
local fb = table.concat(lines, "\n")
print(#fb + 1)
return 1.0, fb
