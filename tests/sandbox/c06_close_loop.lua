-- expect: time
-- class: 6 a __close handler that loops while unwinding a limit
-- args: --time-limit 300
do
  local x <close> = setmetatable({}, {__close = function() while true do end end})
  while true do end
end
