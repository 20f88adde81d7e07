-- expect: ok
-- class: 3 environment: load with and without an explicit env
-- stdout: ok
local env = {}
assert(load("x = 1", "=c", "t", env))()
assert(env.x == 1 and x == nil, "explicit env leaked")
assert(load("y = 2"))()
assert(y == 2, "default env is not the sandbox globals")
print("ok")
