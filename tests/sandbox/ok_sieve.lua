-- expect: ok
-- control: legitimate grader work (a prime sieve over a million numbers)
-- stdout: 78498
local n = 1000000
local comp = {}
local count = 0
for i = 2, n do
  if not comp[i] then
    count = count + 1
    for j = i * i, n, i do comp[j] = true end
  end
end
print(count)
