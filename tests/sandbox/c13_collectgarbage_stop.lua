-- expect: runtime
-- class: 13 collector abuse
-- stderr: invalid option 'stop'
collectgarbage("stop")
