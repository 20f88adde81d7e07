-- expect: topic.lua:4: core.topic.x: no lesson lists topic 'core.topic'
return {
  {
    id = "core.topic.x", topic = "core.topic", level = "beginner",
    kind = "choice", prompt = "p", why = "w", hints = { "h" },
    options = { { text = "a", correct = true }, { text = "b" } },
  },
}
