-- expect: ok
-- control: blocks of every size around the allocator's 1 KiB class limit,
-- control: grown and shrunk across it, keep their bytes (free-list reuse)
-- args: --time-limit 10000
-- stdout: ok 2100 64
local parts = {}
for i = 1, 2200 do parts[i] = string.char(97 + (i * 7) % 26) end
local base = table.concat(parts)
local keep = {}
for round = 1, 3 do
  for len = 1, 2100 do
    local s = base:sub(1 + round, len + round) -- a new block of len bytes
    if round == 3 then keep[len] = s end
  end
  collectgarbage()
end
for len = 1, 2100 do
  local s = keep[len]
  assert(#s == len, "length " .. len)
  for i = 1, len, 7 do
    assert(s:byte(i) == 97 + ((i + 3) * 7) % 26, "byte " .. i .. " of " .. len)
  end
end
-- tables whose array part grows past 1 KiB and is shrunk back by rehash
local n = 0
for size = 1, 64 do
  local t = {}
  for i = 1, size * 8 do t[i] = i end
  for i = size * 8, 2, -1 do t[i] = nil end
  t.x = true -- rehash: the array part shrinks
  for i = 1, size * 8 do t[i] = -i end
  for i = 1, size * 8 do assert(t[i] == -i) end
  n = n + 1
end
print("ok", #keep, n)
