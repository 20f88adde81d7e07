-- Exercises for iter.pitfall-single-use: exhausted generators.
return {
  {
    id = "iter.pitfall-single-use.average",
    topic = "iter.pitfall-single-use",
    level = "beginner",
    kind = "bug",
    prompt = "This raises `ZeroDivisionError`. Which line is the bug? Then say why.",
    code = [[
def evens(limit):
    for n in range(limit):
        if n % 2 == 0:
            yield n

nums = evens(10)
total = sum(nums)
count = len(list(nums))
print(total / count)]],
    buggy = 8,
    rubric = {
      concepts = {
        { label = "sum() already consumed the generator, so it is empty now", weight = 2,
          match = { "\\bexhaust\\w*", "\\bconsumed\\b", "\\bused up\\b", "\\bsingle[- ]use\\b",
                    "\\bonly (?:be )?(?:iterated |used |read )?once\\b", "\\bone pass\\b",
                    "\\bnothing (?:is )?left\\b", "\\balready (?:been )?(?:iterated|read|used|run|gone)\\b" } },
        { label = "fix: make a list first, or recreate the generator", weight = 1,
          match = { "\\blist\\(evens", "\\bmaterial\\w*", "\\brecreat\\w*", "\\bcall evens(?:\\(\\))? again\\b",
                    "\\bstore (?:it|them|the values) in a list\\b", "\\b(?:make|build|use) a list\\b" } },
      },
      red_flags = {
        { label = "len() is not the problem here: list(nums) is a list", penalty = 0.6,
          match = { "\\bgenerators? (?:has|have) no len\\b", "\\bcan(?:no|')t (?:call )?len\\b" } },
      },
    },
    samples = {
      good = {
        "sum(nums) exhausts the generator, so list(nums) is empty and count is 0. Build a list first: nums = list(evens(10)).",
        "A generator can only be iterated once; after sum() nothing is left, so the count is zero.",
      },
      bad = {
        "You cannot call len on a generator.",
        "generator, exhausted, list.",
      },
    },
    hints = {
      "What is left in nums after sum() has walked through it?",
      "A generator is single-use: a second pass sees nothing.",
    },
    solution = "Line 8: sum(nums) already consumed the generator, so list(nums) is [] and count is 0. Materialise once (nums = list(evens(10))) or call evens(10) again.",
    why = "Silent exhaustion is the most common generator bug in production code.",
    wrong = { "9", "7", "6" },
  },
}
