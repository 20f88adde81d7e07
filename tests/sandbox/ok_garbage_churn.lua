-- expect: ok
-- control: hundreds of MiB of short-lived garbage under a 64 MiB cap
-- stdout: done
local total = 0
for i = 1, 2000 do
  local s = ("x"):rep(100000) .. i
  total = total + #s
end
assert(total > 200000000)
print("done")
