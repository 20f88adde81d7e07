-- Exercises for iter.pitfall-late-binding: closures see variables.
local FUNCS = { "\\blambdas?\\b", "\\bclosures?\\b", "\\bfunctions?\\b", "\\beach f\\b", "\\bthey\\b" }
return {
  {
    id = "iter.pitfall-late-binding.explain",
    topic = "iter.pitfall-late-binding",
    level = "intermediate",
    kind = "explain",
    prompt = [[
`funcs = [lambda: i * 10 for i in range(3)]` then `[f() for f in funcs]`
gives `[20, 20, 20]`, not `[0, 10, 20]`. Explain why, and how to fix it.]],
    rubric = {
      concepts = {
        { label = "the functions capture the variable i, not its value", weight = 2,
          subject = FUNCS,
          object = { "\\b(?:the )?(?:same |loop |shared |one )?variable\\b", "\\bone i\\b",
                     "\\bthe same i\\b", "\\bshared i\\b", "\\bi itself\\b", "\\bby reference\\b",
                     "\\bthe name i\\b" } },
        { label = "i is looked up when the function is called, after the loop (i is 2)", weight = 2,
          match = { "\\b(?:looked|looks?|looking) (?:\\w+ )?up\\b", "\\bat call time\\b",
                    "\\bwhen (?:\\w+ ){0,3}(?:called|call|calls|run|runs|invoked|executed)\\b",
                    "\\bafter the loop\\b", "\\b(?:last|final) value\\b",
                    "\\bby then\\b", "\\blate binding\\b.{0,30}\\bcall", "\\bevaluated (?:\\w+ ){0,3}later\\b" } },
        { label = "fix: bind the current value, e.g. a default argument i=i", weight = 1,
          match = { "\\bi\\s*=\\s*i\\b", "\\bdefault (?:argument|parameter|value)s?\\b",
                    "\\bpartial\\b", "\\bfactory\\b" } },
      },
      red_flags = {
        { label = "a lambda does not copy the value when it is created", penalty = 0.6,
          subject = FUNCS,
          object = { "\\b(?:copy|copies|store|stores|save|saves|capture|captures|freeze|freezes|remember|remembers|keep|keeps) (?:the |a )?(?:current )?value\\b" } },
      },
    },
    samples = {
      good = {
        "Each lambda closes over the variable i itself, not a copy of its value. The body looks i up only when the function is called, and by then the loop has finished with i equal to 2, so all three return 20. Binding it as a default argument, lambda i=i: i * 10, fixes it.",
        "All three functions share one i. They only read it when you call them, which happens after the loop is done and i has stopped at 2. Give each one its own copy, for example with i=i as a default.",
        "The clousres captrue the varible i, not its value; i is evaluated when the lamdbas are called, after the loop, so it is 2 for all. Use a defualt argument i=i.",
      },
      bad = {
        "Each lambda stores the current value of i when it is created, so they return 0, 10 and 20; the output must come from range.",
        "closure, late binding, variable i, default argument, lambda, loop.",
        "The lambdas do not share the variable i, and i is not looked up when they are called.",
      },
    },
    hints = {
      "When does the body of a lambda read i: when the lambda is made, or when it runs?",
      "Closures capture variables, not values. What is i when the calls happen?",
      "All lambdas read the same i after the loop ended (i == 2). A default argument freezes the value.",
    },
    solution = "The lambdas are closures over the variable i, not over its value at creation time. The body reads i only when the function is called; by then the comprehension has finished and i is 2, so every call returns 20. Bind the current value at creation, for example lambda i=i: i * 10, or use functools.partial or a factory function.",
    why = "Late binding trips up experienced developers; explaining it shows you understand closures and scopes.",
  },
  {
    id = "iter.pitfall-late-binding.bug",
    topic = "iter.pitfall-late-binding",
    level = "intermediate",
    kind = "bug",
    prompt = "`make_multipliers()[0](5)` should be 0 and `make_multipliers()[2](5)` should be 10, but both are 10. Which line is the bug?",
    code = [[
def make_multipliers():
    funcs = []
    for i in range(3):
        funcs.append(lambda x: x * i)
    return funcs]],
    buggy = 4,
    hints = {
      "Which value of i does each lambda see when it is finally called?",
      "Bind i when the lambda is created: lambda x, i=i: x * i.",
    },
    solution = "Line 4: the lambda reads i when called, after the loop, so every function multiplies by 2. Use lambda x, i=i: x * i.",
    why = "Spotting late binding in code review is a practical skill interviewers probe.",
    wrong = { "3", "5", "2" },
  },
  {
    id = "iter.pitfall-late-binding.genexp",
    topic = "iter.pitfall-late-binding",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print? Only part of a generator expression is evaluated when it is created.",
    code = [[
k = 1
scaled = (v * k for v in [1, 2, 3])
k = 10
data = [1, 2]
copied = (v for v in data)
data = [7]
print(list(scaled), list(copied))]],
    expected = "[10, 20, 30] [1, 2]",
    hints = {
      "Which part of a generator expression runs immediately?",
      "The first iterable is evaluated when the expression is created; everything else when items are produced.",
      "v * k reads k at consumption time (10); copied already holds the old list.",
    },
    why = "The precise late-binding rule for generator expressions: first iterable eager, the rest lazy.",
    wrong = { "[1, 2, 3] [1, 2]", "[10, 20, 30] [7]", "[1, 2, 3] [7]" },
  },
}
