-- expect: dup.lua:9: duplicate id 'core.dup.x'
return {
  {
    id = "core.dup.x", topic = "core.dup", level = "beginner",
    kind = "output", prompt = "p", why = "w", hints = { "h" },
    code = "print(1)", expected = "1",
  },
  {
    id = "core.dup.x", topic = "core.dup", level = "beginner",
    kind = "output", prompt = "p", why = "w", hints = { "h" },
    code = "print(1)", expected = "1",
  },
}
