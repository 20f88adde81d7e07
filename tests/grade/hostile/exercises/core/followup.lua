-- expect: followup.lua:5: core.followup.x: followup 'core.followup.yy' is not an exercise id \(did you mean 'core.followup.y'\?\)
return {
  {
    id = "core.followup.x", topic = "core.followup", level = "beginner",
    followup = "core.followup.yy",
    kind = "output", prompt = "p", why = "w", hints = { "h" },
    code = "print(1)", expected = "1",
  },
  {
    id = "core.followup.y", topic = "core.followup", level = "beginner",
    kind = "output", prompt = "p", why = "w", hints = { "h" },
    code = "print(1)", expected = "1",
  },
}
