-- expect: ok
-- control: the permitted collectgarbage options
-- stdout: true true true
collectgarbage()
collectgarbage("step")
print(collectgarbage("count") > 0, collectgarbage("isrunning"), collectgarbage("collect") == 0)
