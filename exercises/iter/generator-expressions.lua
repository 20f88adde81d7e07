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
}
