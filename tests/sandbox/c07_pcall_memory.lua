-- expect: memory
-- class: 7 memory limit caught by pcall in a loop
-- args: --memory-limit 16
-- stderr: memory limit exceeded (16 MiB)
local n = 0
while true do
  pcall(function() local t = {} for i = 1, 1e9 do t[i] = i end end)
  n = n + 1
end
