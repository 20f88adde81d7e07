-- expect: runtime
-- class: 1 host capabilities (native modules, CVE-2022-0543 shape)
-- stderr: global 'package'
local f = package.loadlib("liblua5.4.so.0", "luaopen_io")
return f().popen("id"):read("a")
