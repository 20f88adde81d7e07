-- expect: catastrophic.lua:8: .*pattern /\(a\+\)\+\$/ failed: .*limit
return {
  {
    id = "core.catastrophic.x", topic = "core.catastrophic", level = "beginner",
    kind = "output", prompt = "p", why = "w", hints = { "h" },
    code = "print(1)",
    expected = "1",
    accept = { "(a+)+$" },
    wrong = { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab" },
  },
}
