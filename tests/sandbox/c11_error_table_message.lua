-- expect: runtime
-- class: 11 {type=, message=} error tables are read raw
-- stderr: ValueError: bad shape
error(setmetatable({type = "ValueError", message = "bad shape"},
                   {__index = function() while true do end end}))
