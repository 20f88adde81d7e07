-- py_rtnp.lua - numpy for pyprep's Python subset, mapped onto the nd module.
local C, R = ...
R.LOADERS.numpy = function()
    R.refuse("numpy (the array engine is not in this build yet)")
end
return true
