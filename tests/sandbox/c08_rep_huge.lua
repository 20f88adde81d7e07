-- expect: memory
-- class: 8 C-side amplification (string.rep just under 2 GiB)
return #string.rep("x", (1 << 31) - 100)
