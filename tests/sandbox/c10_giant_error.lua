-- expect: runtime
-- class: 10/11 a giant error message is truncated
-- stderr: xxxxxxxxxx
error(("x"):rep(10 << 20))
