-- Exercises for core.list-vs-tuple: mutability and hashability.
return {
  {
    id = "core.list-vs-tuple.dict-keys",
    topic = "core.list-vs-tuple",
    level = "beginner",
    kind = "choice",
    prompt = "Which of these values can be used as a dictionary key? Choose every one that works.",
    options = {
      { text = "(1, 2)", correct = true, why = "A tuple of hashable items is hashable." },
      { text = "\"north\"", correct = true, why = "Strings are immutable and hashable." },
      { text = "[1, 2]", why = "Lists are mutable, so they define no hash: TypeError: unhashable type: 'list'." },
      { text = "(1, [2])", why = "A tuple is hashable only if everything inside it is; this one holds a list." },
      { text = "{\"x\": 1}", why = "Dicts are mutable and unhashable." },
    },
    hints = {
      "A key must keep the same hash for as long as it is in the dict.",
      "Mutable containers have no hash, and a tuple is only as hashable as its items.",
    },
    solution = "(1, 2) and \"north\"",
    why = "Whether you connect immutability to hashing, and know the tuple-with-a-list trap.",
  },
  {
    id = "core.list-vs-tuple.one-tuple",
    topic = "core.list-vs-tuple",
    level = "beginner",
    kind = "fill",
    prompt = "Fill the blank so that `point` is a tuple holding just the number 5.",
    code = [[
point = ___
print(type(point).__name__, len(point))   # tuple 1]],
    blanks = {
      { "(5,)", "5,", "tuple([5])", patterns = { "\\(\\s*5\\s*,\\s*\\)" } },
    },
    hints = {
      "`(5)` is just the number 5 in parentheses.",
      "The comma makes the tuple, not the parentheses.",
    },
    solution = "(5,)",
    why = "The one-element tuple is a classic gotcha; it shows you know what the syntax really means.",
    wrong = { "(5)", "[5]", "5" },
    -- A custom check runs in the sandbox on every grade: here it only adds
    -- a targeted message for the most common wrong answer.
    check = function(answer, ctx)
      local a = answer:gsub("%s", "")
      if a == "(5)" then
        return false, "(5) is the int 5: a one-element tuple needs a trailing comma"
      end
      return ctx.score
    end,
  },
}
