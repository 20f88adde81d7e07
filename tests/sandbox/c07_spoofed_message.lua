-- expect: runtime
-- class: 7 the verdict never comes from error text
-- stderr: memory limit exceeded (64 MiB)
error("memory limit exceeded (64 MiB)", 0)
