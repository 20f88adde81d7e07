-- expect: output
-- class: 10 output flood
-- stderr: output limit exceeded (1 MiB)
while true do print("spam spam spam spam spam spam spam spam") end
