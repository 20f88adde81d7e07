-- expect: memory
-- class: 8 memory in the parser
-- args: --memory-limit 16
local src = {"return {"}
for i = 1, 2e6 do src[#src + 1] = i .. "," end
src[#src + 1] = "}"
return load(table.concat(src))
