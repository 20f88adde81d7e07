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
  {
    id = "core.list-vs-tuple.explain",
    followup = "core.list-vs-tuple.followup-tuple-of-lists",
    topic = "core.list-vs-tuple",
    level = "beginner",
    kind = "explain",
    prompt = "\"What is the difference between a list and a tuple? When would you choose a tuple?\"",
    hints = {
      "What can you do to a list after creating it that you cannot do to a tuple?",
      "Lists are mutable, tuples immutable; think about what that allows a tuple to be used for.",
      "A tuple whose items are all hashable is hashable, so it can be a dict key or set member; tuples suit fixed records like (x, y).",
    },
    solution = "A list is mutable: you can append, remove and replace items after creating it. A tuple is immutable: once built, its items cannot be reassigned, and a one-element tuple needs a trailing comma, (x,). Because it cannot change, a tuple is hashable when all its items are hashable, so it can be a dict key or a set member; (1, [2]) is not, because it holds a list. Use a list for a collection that grows or changes, and a tuple for a fixed record such as a coordinate or several return values; tuples are also slightly smaller and faster to create.",
    why = "Mutability and hashability are the foundation for dicts, sets and safe data sharing.",
    rubric = {
      concepts = {
        { label = "lists are mutable (can change after creation)", weight = 1.5,
          match = { [[\blists?\s+(?:\w+\s+){0,2}(?:can|may) (?:be )?(?:changed|modified|grow|edited)\b]], [[\blists?\s+(?:are |is )?mutable\b]] },
          subject = { [[\blists?\b]] },
          object = { [[\bmutable\b]], [[\bcan (?:be )?(?:change|modif|grow|append|add)\w*]], [[\bchangeable\b]], [[\bappend\w*]] } },
        { label = "tuples are immutable (cannot change after creation)", weight = 1.5,
          match = { [[(?:(?<=\btuples )|(?<=\btuple ))(?:can't|cannot)(?: be)?(?: changed| modified| edited)?\b]], [[\btuples?\s+(?:are |is )?immutable\b]] },
          subject = { [[\btuples?\b]] },
          object = { [[\bimmutable\b]], [[\bfixed\b]], [[\bread-only\b]], [[\b(?:can't|cannot) (?:be )?(?:change|modif|reassign)\w*]],
                     [[\bstays? (?:exactly )?(?:the same|as it was)\b]] } },
        { label = "a tuple of hashable items is hashable: dict keys, set members", weight = 1.5,
          match = { [[\bhashable\b]], [[\bhash\w*]], [[\bdict(?:ionary)? keys?\b]], [[\bkeys? in a dict\w*]], [[\bsets?\b]] } },
        { label = "uses: fixed records, return values; slightly smaller and faster", weight = 1,
          match = { [[\bcoordinates?\b]], [[\brecords?\b]], [[\bpoints?\b]], [[\breturn(?:ing)? (?:several|multiple)\b]], [[\bheterogeneous\b]],
                    [[\bsmaller\b]], [[\bfaster\b]], [[\bless memory\b]], [[\bnamedtuple\b]], [[\bunpack\w*]] } },
      },
      red_flags = {
        { label = "swapped: tuples are immutable, lists mutable", penalty = 0.6,
          subject = { [[\btuples?\b]] },
          object = { [[\bmutable\b]], [[\bcan (?:be )?(?:changed|modified)\b]] } },
        { label = "swapped: lists are mutable, not immutable", penalty = 0.6,
          subject = { [[\blists?\b]] },
          object = { [[\bimmutable\b]] } },
        { label = "only a tuple of hashable items is hashable", penalty = 0.6,
          match = { [[\b(?:every|any|all) tuples? (?:is|are|can be) (?:hashable|used as (?:a )?(?:dict(?:ionary)? )?keys?)\b]] } },
      },
    },
    samples = {
      good = {
        "A list is mutable: you can append, remove or change items. A tuple is immutable, so it can't be changed after it is created. Because of that, a tuple of hashable items is hashable and can be a dict key or set member. I use tuples for fixed records like coordinates.",
        "You can add to or edit a list after making it, but a tuple stays exactly as it was created. That's why a pair like (x, y) can be a key in a dictionary while a list can't. Tuples fit small fixed groups of values, like a point or a function returning two things.",
        "Lists are mutable and tuples are immutable; a tuple is hashable if its items are, so it works as a dict key, and it's slightly smaller than a list.",
      },
      bad = {
        "Tuples are mutable and lists are immutable, and any tuple can be used as a dictionary key.",
        "list, tuple, mutable, immutable, hashable, dict key.",
        "A list is not mutable and a tuple is not immutable; tuples are never hashable.",
      },
    },
  },
  {
    id = "core.list-vs-tuple.followup-tuple-of-lists",
    topic = "core.list-vs-tuple",
    level = "intermediate",
    kind = "output",
    prompt = "Follow-up to the list-vs-tuple question: \"You said tuples are immutable. What does this print, then?\"",
    code = [[
t = ([1, 2], "x")
t[0].append(3)
print(t)
try:
    hash(t)
except TypeError as e:
    print(e)]],
    expected = "([1, 2, 3], 'x')\nunhashable type: 'list'",
    hints = {
      "Does t[0].append(3) assign anything to the tuple?",
      "A tuple fixes which objects it holds, not what is inside them.",
      "The list inside changes; and a tuple is hashable only when every item is.",
    },
    solution = "([1, 2, 3], 'x')\nunhashable type: 'list'",
    why = "Immutability is shallow: the tuple keeps the same references, but a mutable item can still change, and such a tuple cannot be a dict key or a set member.",
    wrong = { "([1, 2], 'x')\nunhashable type: 'list'", "([1, 2, 3], 'x')" },
  },
}
