-- expect: loop.lua:1: time limit
while true do end
