-- expect: time
-- class: 4 CPU in the VM
-- args: --time-limit 300
-- stderr: time limit exceeded (300 ms)
while true do end
