-- expect: ok
-- control: utf8 library
-- stdout: 5 héllo 104 233 true
local s = "héllo"
local cps = {}
for _, c in utf8.codes(s) do cps[#cps + 1] = c end
print(utf8.len(s), utf8.char(table.unpack(cps)), cps[1], cps[2], utf8.charpattern ~= nil)
