-- expect: badpattern.lua:8: .*pattern /\(unclosed/ does not compile
return {
  {
    id = "core.badpattern.x", topic = "core.badpattern", level = "beginner",
    kind = "output", prompt = "p", why = "w", hints = { "h" },
    code = "print(1)",
    expected = "1",
    accept = { "(unclosed" },
  },
}
