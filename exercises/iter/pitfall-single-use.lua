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
  {
    id = "iter.pitfall-single-use.hidden-passes",
    topic = "iter.pitfall-single-use",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
nums = (n for n in [3, 1, 4, 1, 5])
print(max(nums), min(nums, default=None))
words = map(str.upper, ["a", "b"])
print(list(words), list(words))
pairs = zip("xy", [1, 2])
print(dict(pairs), len(list(pairs)))]],
    expected = "5 None\n['A', 'B'] []\n{'x': 1, 'y': 2} 0",
    hints = {
      "max() has to look at every item. What is left for min()?",
      "map and zip return one-shot iterators too, not lists.",
      "The second pass over each object finds it already exhausted.",
    },
    why = "Generators, map, zip and files are all single-pass; the second consumer silently gets nothing.",
    wrong = { "5 1\n['A', 'B'] ['A', 'B']\n{'x': 1, 'y': 2} 2", "5 None\n['A', 'B'] ['A', 'B']\n{'x': 1, 'y': 2} 2" },
  },
  {
    id = "iter.pitfall-single-use.reiterable",
    topic = "iter.pitfall-single-use",
    level = "intermediate",
    kind = "choice",
    prompt = "Which of these can be looped over twice and give the same items both times? (Choose all that apply.)",
    options = {
      { text = "range(5)", correct = true, why = "A range is a sequence: each loop gets a new iterator." },
      { text = "d.items() for a dict d", correct = true, why = "Dict views are re-iterable; each loop starts again." },
      { text = "map(int, [\"1\", \"2\"])", why = "map returns a one-shot iterator." },
      { text = "(x for x in [1, 2])", why = "A generator expression is a generator: single-use." },
      { text = "an open file object", why = "A file is its own iterator; the second loop starts at the end unless you seek(0)." },
    },
    hints = {
      "Ask of each: does iter() on it return a new object, or itself?",
      "Sequences and views hand out fresh iterators; map, generators and files are their own iterators.",
    },
    solution = "1,2",
    why = "Recognising single-pass objects on sight prevents the silent empty-second-loop bug.",
  },
}
