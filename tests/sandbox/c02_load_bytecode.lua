-- expect: runtime
-- class: 2 bytecode (load of a binary chunk, also through a reader)
-- stderr: attempt to load a binary chunk
local dump = "\27Lua\84\0\25\147\13\10\26\10\4\8\8\120\86\0\0\0\0\0\0\0\0\0\0\0\40\119\64"
local parts, i = {dump}, 0
local f, err = load(function() i = i + 1; return parts[i] end, "=r", "b")
assert(f == nil and err:find("binary chunk"), "reader accepted bytecode")
assert(load(dump, "=x", "bt", _ENV))
