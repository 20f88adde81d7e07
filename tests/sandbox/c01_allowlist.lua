-- expect: ok
-- class: 1 host capabilities: exactly the allow-listed globals exist
-- stdout: ok
for _, name in ipairs{"io", "os", "package", "require", "debug", "dofile",
                      "loadfile", "warn", "module", "loadstring"} do
  assert(_G[name] == nil, name .. " is reachable")
end
assert(string.dump == nil, "string.dump is reachable")
assert(("").dump == nil, "string.dump through the metatable")
for _, name in ipairs{"string", "table", "math", "utf8", "coroutine",
                      "print", "pcall", "xpcall", "load", "error"} do
  assert(_G[name] ~= nil, name .. " is missing")
end
print("ok")
