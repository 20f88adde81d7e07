-- expect: runtime
-- class: 1 host capabilities (files)
-- stderr: attempt to index a nil value (global 'io')
return io.open("/etc/passwd"):read("a")
