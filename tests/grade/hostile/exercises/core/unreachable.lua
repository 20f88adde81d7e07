-- expect: unreachable.lua:4: core.unreachable.x: line 2 is indented more
return {
  {
    id = "core.unreachable.x", topic = "core.unreachable", level = "beginner",
    kind = "parsons", prompt = "p", why = "w", hints = { "h" },
    lines = { "def f():", "                return 1" },
  },
}
