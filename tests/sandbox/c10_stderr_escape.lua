-- expect: runtime
-- class: 10 escape sequences in error text are neutralised too
-- stderr: \x1b[31mred
error("\27[31mred", 0)
