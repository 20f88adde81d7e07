-- expect: checkloop.lua:4: core.checkloop.x: check failed \(time limit\)
return {
  {
    id = "core.checkloop.x", topic = "core.checkloop", level = "beginner",
    kind = "output", prompt = "p", why = "w", hints = { "h" },
    code = "print(1)", expected = "1",
    check = function() while true do end end,
  },
}
