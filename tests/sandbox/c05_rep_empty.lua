-- expect: ok
-- class: 5 string.rep of an empty string 2^52 times (spins in C unwrapped)
-- stdout: 0 0
print(#string.rep("", 2^52), #("").rep("", 2^40, ""))
