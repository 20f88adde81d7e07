-- Exercises for core.is-vs-eq: identity vs equality.
local IS = {
  "`is`", "\\bthe is operator\\b", "\\bis (?:operator|keyword)\\b", "[\"']is[\"']",
  "\\b(?:with|using|use)\\s+is\\b",
  "\\b\\w{1,12} is \\w{1,12}(?=\\s+(?:asks?|checks?|compares?|tests?|tells?|means|returns?|evaluates?|is true)\\b)",
  "\\bis\\b(?=\\s+(?:checks?|compares?|tests?|asks?|tells?|returns?|looks|verif\\w*|determines?|only|cares|sees)\\b)",
}
local EQ = {
  "==", "\\bdouble equals?\\b", "\\bequality operator\\b", "\\bequals operator\\b",
}
local IDENTITY = {
  "\\bidentity\\b", "\\bidentities\\b", "\\bid\\(",
  "\\b(?:points?|pointing|refers?|referring) (?:at|to) (?:one|a single|the same)\\b",
  "\\bsame (?:exact |very |one |single |actual |underlying )?(?:object|instance|thing|memory|address|location|reference)s?\\b",
  "\\bmemory address", "\\bone and the same\\b", "\\bthe very same\\b",
  "\\b(?:points?|refers?|bound) to the same\\b",
  "\\bliterally (?:the same|one)\\b", "\\b(?:just|only) one object\\b",
}
local VALUES = {
  "\\bvalues?\\b", "\\bequal\\b", "\\bequality\\b", "\\bcontents?\\b",
  "\\bsame data\\b", "\\bequivalen(?:t|ce)\\b", "__eq__",
}

return {
  {
    id = "core.is-vs-eq.followup-small-ints",
    topic = "core.is-vs-eq",
    level = "intermediate",
    kind = "output",
    prompt = "Follow-up to the `is`/`==` question: \"Then why does `x is 256` sometimes seem to work for numbers?\" What does this print in CPython 3.11?",
    code = [[
a = 256
b = int("256")
print(a is b)
c = 257
d = int("257")
print(c is d)
print(c == d)]],
    expected = "True\nFalse\nTrue",
    hints = {
      "int(\"...\") builds its result at run time; does it always make a new object?",
      "CPython keeps one shared object for each small integer, from -5 to 256.",
      "256 comes from that cache, so both names hold the same object; 257 is built twice.",
    },
    solution = "True\nFalse\nTrue",
    why = "Whether the candidate knows the small-int cache is a CPython detail, and so never relies on `is` for numbers or strings: `==` for values, `is` only for singletons such as None.",
    wrong = { "True\nTrue\nTrue", "False\nFalse\nTrue" },
  },
  {
    id = "core.is-vs-eq.explain",
    followup = "core.is-vs-eq.followup-small-ints",
    topic = "core.is-vs-eq",
    level = "beginner",
    kind = "explain",
    prompt = "What is the difference between `is` and `==` in Python? When should you use `is`?",
    hints = {
      "One of them asks about the objects' contents, the other about the objects themselves.",
      "Think identity (same object) versus equality (same value).",
      "`==` compares values via `__eq__`; `is` checks whether two names refer to one object. Use `is` for `None`.",
    },
    solution = "`==` compares values: it calls `__eq__`, so two different lists with the same items are equal. `is` compares identity: it is true only when both names refer to the very same object. Use `==` for values and reserve `is` for singletons such as `None` (`x is None`). Small-int caching can make `is` look like it works for numbers, but that is a CPython detail you must not rely on.",
    why = "Whether you understand that names are references to objects, and identity versus equality.",
    rubric = {
      concepts = {
        { label = "`is` checks identity (the same object)", weight = 2,
          subject = IS, object = IDENTITY },
        { label = "`==` compares values (equality, __eq__)", weight = 2,
          subject = EQ, object = VALUES },
        { label = "use `is` for None and other singletons", weight = 1,
          match = { "\\bis\\s+none\\b", "\\bsingletons?\\b", "\\bsentinels?\\b",
                    "\\bnone\\b.{0,40}\\bis\\b", "\\bis\\b.{0,40}\\bnone\\b" } },
        { label = "`==` can be customised; int caching is a CPython detail", weight = 0.5,
          match = { "__eq__", "\\boverrid\\w*", "\\bcustomi[sz]\\w*", "\\bcach\\w*", "\\bintern\\w*",
                    "implementation detail" } },
      },
      red_flags = {
        { label = "`is` does not compare values", penalty = 0.6,
          subject = IS, object = { "\\bvalues?\\b", "\\bcontents?\\b", "\\bsame data\\b" } },
        { label = "`==` does not compare identity", penalty = 0.6,
          subject = EQ, object = IDENTITY },
        { label = "`is` is not for numbers or strings", penalty = 0.6,
          subject = { "\\buse\\s+`?is`?\\b", "\\bis\\b\\s+(?:is\\s+)?(?:just\\s+)?(?:a\\s+)?faster" },
          object = { "\\bnumbers?\\b", "\\bintegers?\\b", "\\bints?\\b", "\\bstrings?\\b", "==" } },
      },
    },
    samples = {
      good = {
        "== checks whether two objects have equal values, while is checks whether they are the very same object in memory. Use is for None.",
        "The `is` operator tells you whether both names point to the very same thing, while double equals just asks whether the two hold the same data.",
        "`is` chekcs identiy: are both names bound to the same obejct. `==` compares the valeus, using __eq__.",
        "Two separate lists [1] and [1] are == because their contents match, but `is` returns False since it looks at identity, not at contents. That's why we write `x is None`.",
      },
      bad = {
        "`is` compares the values of two variables, and == checks whether they are the same object.",
        "is, ==, identity, equality, same object, values, None, __eq__.",
        "`is` does not check identity; == does not compare values.",
        "They do the same thing; `is` is just a faster == for numbers and strings.",
      },
    },
  },
  {
    id = "core.is-vs-eq.none-test",
    topic = "core.is-vs-eq",
    level = "beginner",
    kind = "choice",
    prompt = "A function returns `None` when nothing was found. Which test for that is the idiom?",
    options = {
      { text = "if result is None:", correct = true,
        why = "None is a singleton, so an identity test is exact and cannot be fooled by __eq__." },
      { text = "if result == None:", why = "Works for most objects, but a class can override __eq__ to answer True; linters flag it." },
      { text = "if not result:", why = "Also true for 0, \"\", [] and other falsy values that may be real results." },
      { text = "if result is False:", why = "None is not False: this test never fires for None." },
    },
    hints = {
      "How many None objects exist in a running program?",
      "With exactly one None, asking whether it is that very object is exact.",
    },
    solution = "if result is None:",
    why = "Knowing that None is a singleton and that identity tests suit singletons.",
  },
  {
    id = "core.is-vs-eq.aliases",
    topic = "core.is-vs-eq",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
a = [1, 2, 3]
b = a
c = a[:]
b.append(4)
print(a is b, a is c, a == c)
print(len(c))]],
    expected = "True False False\n3",
    hints = {
      "Which of b and c is a new list?",
      "`b = a` gives the same list a second name; `a[:]` builds a new list.",
      "After the append, a and b are [1, 2, 3, 4]; c is still [1, 2, 3].",
    },
    solution = "True False False\n3",
    why = "Names are references: assignment never copies, slicing does.",
    wrong = { "True False True\n4", "True True True\n4" },
  },
}
