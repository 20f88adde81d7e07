-- expect: runtime
-- class: 13 collector mode switch
-- stderr: invalid option 'generational'
collectgarbage("generational")
