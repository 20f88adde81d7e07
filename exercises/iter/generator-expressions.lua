-- Exercises for iter.generator-expressions: lazy comprehensions.
return {
  {
    id = "iter.generator-expressions.short-circuit",
    topic = "iter.generator-expressions",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
def check(n):
    print("check", n)
    return n > 10


nums = [4, 12, 7, 30]
print(any(check(n) for n in nums))
print(any([check(n) for n in nums]))]],
    expected = "check 4\ncheck 12\nTrue\ncheck 4\ncheck 12\ncheck 7\ncheck 30\nTrue",
    hints = {
      "any() stops at the first true value. When is each check() call made?",
      "The generator expression computes items only as any() asks; the list comprehension computes all of them first.",
    },
    why = "Short-circuiting with any/all works only when the items are produced lazily.",
    wrong = {
      "check 4\ncheck 12\nTrue\ncheck 4\ncheck 12\nTrue",
      "check 4\ncheck 12\ncheck 7\ncheck 30\nTrue\ncheck 4\ncheck 12\ncheck 7\ncheck 30\nTrue",
    },
  },
  {
    id = "iter.generator-expressions.parentheses",
    topic = "iter.generator-expressions",
    level = "intermediate",
    kind = "choice",
    prompt = "`top = sorted(s.score for s in students, reverse=True)` is rejected with a SyntaxError. Which line fixes it without building an extra list?",
    options = {
      { text = "top = sorted((s.score for s in students), reverse=True)", correct = true,
        why = "A generator expression may drop its own parentheses only when it is the sole argument of a call." },
      { text = "top = sorted(s.score for s in students; reverse=True)", why = "Not Python syntax: arguments are separated by commas." },
      { text = "top = sorted(list(s.score for s in students, reverse=True))", why = "Same error: the generator expression is still not the only argument of the call around it." },
      { text = "top = sorted(s.score for s in students)[::-1]", why = "Works, but slicing builds a second reversed list; reverse=True sorts in the wanted order directly." },
    },
    hints = {
      "When can a generator expression go without its own parentheses?",
      "Only when it is the single argument of a call.",
    },
    solution = "top = sorted((s.score for s in students), reverse=True)",
    why = "A small syntax rule that trips people in live coding.",
  },
  {
    id = "iter.generator-expressions.sum-fill",
    topic = "iter.generator-expressions",
    level = "beginner",
    kind = "fill",
    prompt = "Fill in the argument so that `total` is the sum of the squares of the odd numbers in `nums`, without building a list.",
    code = [[
total = sum(___)]],
    blanks = {
      { "n * n for n in nums if n % 2 == 1",
        patterns = { "^\\(?\\s*(\\w+)\\s*(?:\\*\\s*\\1|\\*\\*\\s*2)\\s+for\\s+\\1\\s+in\\s+nums\\s+if\\s+(?:\\1\\s*%\\s*2(?:\\s*(?:==\\s*1|!=\\s*0))?|not\\s+\\1\\s*%\\s*2\\s*==\\s*0|\\1\\s*&\\s*1(?:\\s*==\\s*1)?)\\s*\\)?$" } },
    },
    hints = {
      "A comprehension without the square brackets, straight inside sum(...).",
      "Square, loop, filter: expression for n in nums if condition.",
      "n * n for n in nums if n % 2 == 1",
    },
    solution = "n * n for n in nums if n % 2 == 1",
    why = "Feeding a generator expression straight into a reducer is the everyday use of generators.",
    wrong = { "[n * n for n in nums if n % 2 == 1]", "n * n for n in nums if n % 2 == 0", "n * 2 for n in nums if n % 2" },
  },
  {
    id = "iter.generator-expressions.explain",
    topic = "iter.generator-expressions",
    level = "beginner",
    kind = "explain",
    prompt = "What is a generator expression? When would you use one instead of a list comprehension?",
    hints = {
      "Compare `[x * x for x in data]` with `(x * x for x in data)`: when is each square computed?",
      "The generator expression is lazy: items are made as they are consumed and never stored.",
      "Use it for results consumed once, straight away (sum, any, max, join); a list when you need to keep, index or reuse them.",
    },
    solution = "A generator expression, (x * x for x in data), looks like a list comprehension in parentheses but builds a generator: each item is computed only when the consumer asks for it, and nothing is stored, so its memory use is small and constant however long the input. Use it when the result is consumed once, straight away, by something that iterates: sum(x * x for x in data), any(...), max(...), \"\".join(...); any() and all() can even stop early. Use a list comprehension when you need to keep the results, index them, take len() or loop over them again, since a generator expression can be consumed only once.",
    why = "\"List comprehension or generator expression?\" is one of the most common Python interview questions.",
    rubric = {
      vocab = { "generator", "expression", "lazily", "memory", "comprehension" },
      concepts = {
        { label = "it is lazy: items are computed as they are consumed, not stored", weight = 2,
          match = { "\\blaz\\w+", "\\bone (?:item |value |element )?at a time\\b", "\\bon demand\\b", "\\bon the fly\\b",
                    "\\bas (?:needed|you iterate|they(?:'re| are) (?:needed|consumed|requested))\\b",
                    "\\b(?:without|instead of) (?:building|creating|storing)\\b", "\\bno (?:intermediate |temporary )?list\\b", "\\bdoes(?:n't| not) (?:build|create|store|make) (?:a |the )?(?:\\w+ )?(?:list|everything|all)\\b",
                    "\\bonly (?:at the moment|when) (?:\\w+ ){0,3}(?:wants?|asks?|needs?)\\b" } },
        { label = "syntax: parentheses; they can be dropped when it is a call's only argument", weight = 1,
          match = { "\\bparenthes\\w+", "\\bround[- ]brackets?\\b", "\\binstead of (?:square )?brackets\\b", "\\bonly argument\\b",
                    "\\bsole argument\\b", "\\(\\w+ ?\\*" } },
        { label = "memory stays small and constant; a list grows with n", weight = 1,
          match = { "\\bmemory\\b", "\\bconstant\\b", "\\bsize\\b", "\\bram\\b", "\\bpiles? up\\b" } },
        { label = "use it when consumed once right away (sum, any, join); a list to keep, index, reuse", weight = 2,
          match = { "\\bsum\\b", "\\bany\\b", "\\ball\\(", "\\bmax\\b", "\\bmin\\b", "\\bjoin\\b", "\\bonce\\b", "\\bindex\\w*",
                    "\\blen\\b", "\\bagain\\b", "\\breus\\w+", "\\bkeep (?:the )?(?:results|values)\\b", "\\bshort[- ]circuit\\w*",
                    "\\blarge\\b", "\\bbig\\b", "\\bhuge\\b" } },
      },
      red_flags = {
        { label = "a generator expression is not generally faster", penalty = 0.6,
          subject = { "\\bgenerator expressions?\\b", "\\bgenexps?\\b", "\\bgenerators?\\b" },
          object = { "\\b(?:faster|quicker)\\b(?! to (?:the )?first)" } },
        { label = "it builds a generator, not a tuple", penalty = 0.6,
          match = { "\\b(?:creates?|makes?|builds?|returns?|gives?) (?:\\w+ ){0,2}tuples?\\b", "\\btuple comprehension\\b" } },
        { label = "the list comprehension is the eager one", penalty = 0.6, near = 5,
          subject = { "\\blist comprehensions?\\b" },
          object = { "\\blaz\\w+", "\\bon demand\\b", "\\bone (?:item )?at a time\\b" } },
      },
    },
    samples = {
      good = {
        "A generator expression looks like a list comprehension in parentheses, (x * x for x in data), but it is lazy: it produces one item at a time as it is consumed and never stores them, so its memory use is constant. Use it when the result is consumed once right away, e.g. sum(x * x for x in data) or any(...). Use a list comprehension when you need to keep the results, index them, take len() or loop again.",
        "It's the round-bracket version of a list comprehension. Instead of building the whole list first, it works out each value only at the moment the consumer wants it, so nothing piles up. I use it when I feed the values straight into something like sum or max, and a real list when I need to look at the values more than once.",
        "A generater expresion is lazy: it yields one item at a time, so memroy stays constant. Use it with sum() or any(); use a list comprehension if you need len() or indexing.",
      },
      bad = {
        "A generator expression is a tuple comprehension: it builds a tuple, which is faster than a list.",
        "generator expression, lazy, parentheses, memory, sum, list comprehension, once.",
        "The list comprehension is the lazy one and computes items on demand, while a generator expression builds the whole list at once.",
        "A generator expression does not compute items lazily, and it does not save any memory.",
      },
    },
  },
}
