-- expect: wrongsol.lua:4: core.wrongsol.x: wrong answer 1 passes
return {
  {
    id = "core.wrongsol.x", topic = "core.wrongsol", level = "beginner",
    kind = "output", prompt = "p", why = "w", hints = { "h" },
    code = "print(1)", expected = "1", wrong = { "1  " },
  },
}
