-- expect: escape.lua:2: .*(string.dump|nil value)
local f = string.dump(function() end)
return {}
