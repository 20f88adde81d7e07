-- expect: io.lua:2: .*global 'io'
local f = io.open("/etc/passwd")
return {}
