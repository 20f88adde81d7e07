-- Exercises for iter.reusable-iterables: __iter__ as a generator gives a
-- fresh iterator on every loop.
return {
  {
    id = "iter.reusable-iterables.two-classes",
    topic = "iter.reusable-iterables",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
class Once:
    def __init__(self, items):
        self.it = iter(items)

    def __iter__(self):
        return self.it


class Many:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        for item in self.items:
            yield item


a, b = Once("xy"), Many("xy")
print(list(a), list(a))
print(list(b), list(b))
print(iter(b) is iter(b))]],
    expected = "['x', 'y'] []\n['x', 'y'] ['x', 'y']\nFalse",
    hints = {
      "Where does each class keep the position of the loop?",
      "Once hands out the same stored iterator every time; Many's __iter__ is a generator function.",
      "Each call of a generator function makes a new generator.",
    },
    why = "Separating the iterable from its iterators is what makes a container re-iterable.",
    wrong = { "['x', 'y'] ['x', 'y']\n['x', 'y'] ['x', 'y']\nFalse", "['x', 'y'] []\n['x', 'y'] []\nTrue",
              "['x', 'y'] []\n['x', 'y'] ['x', 'y']\nTrue" },
  },
  {
    id = "iter.reusable-iterables.yield-in-iter",
    topic = "iter.reusable-iterables",
    level = "intermediate",
    kind = "fill",
    prompt = "Complete `Squares` so that it can be looped over any number of times: `list(sq) == list(sq) == [1, 4, 9]` for `sq = Squares(3)`.",
    code = [[
class Squares:
    def __init__(self, n):
        self.n = n

    def ___(self):
        for i in range(1, self.n + 1):
            ___ i * i]],
    blanks = {
      { "__iter__" },
      { "yield" },
    },
    hints = {
      "Which method does a for loop call on the object first?",
      "If that method is a generator function, every call returns a new generator.",
      "def __iter__(self): ... yield i * i",
    },
    solution = "__iter__\nyield",
    why = "A generator-function __iter__ is the shortest way to a reusable iterable.",
    wrong = { "__next__\nyield", "__iter__\nreturn" },
  },
  {
    id = "iter.reusable-iterables.stored-generator",
    topic = "iter.reusable-iterables",
    level = "advanced",
    kind = "bug",
    prompt = "The class is meant to be re-iterable, but the program prints `3.5` and then `0`. Which line is the bug? Say why.",
    code = [[
class Readings:
    def __init__(self, raw):
        self.values = (float(v) for v in raw)

    def __iter__(self):
        yield from self.values


r = Readings(["1.5", "2", "3.5"])
print(max(r))
print(sum(r))]],
    buggy = 3,
    rubric = {
      concepts = {
        { label = "one generator is created once and shared by every loop, so it is exhausted", weight = 2,
          match = { "\\bexhaust\\w*", "\\bconsumed\\b", "\\bused up\\b", "\\bonly once\\b", "\\bsingle[- ]use\\b",
                    "\\bone generator\\b", "\\bsame generator\\b", "\\bshared\\b", "\\bnothing left\\b", "\\bempty\\b" } },
        { label = "fix: store the raw list and convert inside __iter__ (or store a list)", weight = 1,
          match = { "\\binside __iter__\\b", "\\bin __iter__\\b", "\\bstore (?:the )?(?:raw|list)\\b",
                    "\\bself\\.raw\\b", "\\blist\\(", "\\bmaterial\\w*", "\\ba list\\b", "\\bsquare brackets\\b" } },
      },
    },
    samples = {
      good = {
        "The generator expression is made once in __init__, so max() exhausts it and sum() gets nothing. Keep the raw list and convert inside __iter__.",
        "Every loop delegates to the same generator, which is used up after the first pass. Store a list instead: self.values = [float(v) for v in raw].",
      },
      bad = {
        "yield from cannot be used inside __iter__.",
        "float() cannot parse the string 2.",
      },
    },
    hints = {
      "How many generator objects does this class ever create?",
      "__iter__ makes a new generator each call, but it delegates to a single stored one.",
      "Convert inside __iter__ (for v in self.raw: yield float(v)), or store a list.",
    },
    solution = "Line 3: the generator expression is created once, in __init__. Every __iter__ call delegates to that same generator, so max() exhausts it and sum() sees nothing. Store the raw data and convert inside __iter__, or store a list.",
    why = "A re-iterable wrapper around a one-shot generator is only re-iterable in name; reviewers catch this.",
    wrong = { "6", "10", "11" },
  },
}
