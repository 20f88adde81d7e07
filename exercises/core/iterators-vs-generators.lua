-- Exercises for core.iterators-vs-generators: the protocol, generator
-- functions as the short way to write an iterator.
return {
  {
    id = "core.iterators-vs-generators.explain",
    topic = "core.iterators-vs-generators",
    level = "intermediate",
    kind = "explain",
    prompt = "\"What is the difference between an iterator and a generator?\"",
    hints = {
      "One of them is a protocol (two methods); the other is a way to write code.",
      "An iterator has __iter__ and __next__; a function with yield returns a generator, which is an iterator.",
      "The generator keeps its local variables between next() calls, so you write no class and no StopIteration by hand.",
    },
    solution = "An iterator is any object that implements the iterator protocol: __iter__ returns the iterator itself and __next__ returns the next value or raises StopIteration when nothing is left. A generator is the easy way to get one: calling a function that contains yield returns a generator object, which is an iterator. Its body runs only as values are requested, pausing at each yield with its local state kept, and finishing the function raises StopIteration for you. So every generator is an iterator, but a hand-written iterator class needs the methods and the state bookkeeping yourself.",
    why = "The iterator protocol underlies every for loop; generators are the everyday way to implement it.",
    rubric = {
      concepts = {
        { label = "an iterator implements __iter__ and __next__", weight = 2,
          match = { [[__next__]], [[\bnext\(\)]], [[\bnext method\b]], [[__iter__]], [[\biterator protocol\b]] } },
        { label = "__next__ raises StopIteration when nothing is left", weight = 1,
          match = { [[\bstop ?iteration\b]], [[\bruns? out\b]], [[\bexhaust\w*]], [[\bnothing (?:is )?left\b]] } },
        { label = "a function with yield returns a generator, which is an iterator", weight = 2,
          match = { [[\byield\w*]] } },
        { label = "a generator pauses and keeps its local state between values", weight = 1.5,
          match = { [[\bpaus\w*]], [[\bsuspend\w*]], [[\bresum\w*]], [[\bremembers?\b]], [[\bfrozen\b]], [[\bfreez\w*]],
                    [[\bkeeps? (?:its |their |the )?(?:local )?(?:state|variables|place|position)\b]],
                    [[\bpicks? up where\b]], [[\bwhere it left off\b]], [[\blocal state\b]] } },
        { label = "every generator is an iterator, with less code", weight = 1,
          match = { [[\bevery generator is an iterator\b]], [[\bgenerators? (?:is|are) (?:also )?(?:an? )?(?:kind|type|special case|sort|form) of iterators?\b]],
                    [[\bgenerators? (?:is|are) (?:also )?(?:an? )?iterators?\b]], [[\bboilerplate\b]], [[\bless code\b]],
                    [[\bshorter\b]], [[\bautomatically\b]], [[\bfor you\b]], [[\bsubset\b]] } },
      },
      red_flags = {
        { label = "a generator does not compute or store all values up front", penalty = 0.6,
          subject = { [[\bgenerators?\b]] },
          object = { [[\bstores? all\b]], [[\breturns? a list\b]], [[\bkeeps? all (?:the )?values\b]],
                     [[\bcomputes? (?:all|everything) (?:at once|up ?front)\b]] } },
      },
    },
    samples = {
      good = {
        "An iterator is an object with __iter__ and __next__; __next__ raises StopIteration at the end. A generator is created by a function that uses yield, and it is itself an iterator: it pauses at each yield and keeps its local state, so you don't write the class by hand.",
        "Any object you can call next() on until it runs out is an iterator. Writing one as a class means tracking your position yourself. If you write a function with yield instead, Python gives you an iterator that remembers where it left off between values.",
        "Generators are a special kind of iterator: the yield function suspends and resumes, while a class iterator has to implement the __next__ method and raise StopIteration itself.",
      },
      bad = {
        "A generator computes all values up front and returns a list, while an iterator is lazy.",
        "__iter__, __next__, StopIteration, yield, state, generator, iterator.",
        "A generator is not an iterator; it does not use yield and it does not keep its state.",
      },
    },
  },
  {
    id = "core.iterators-vs-generators.twin",
    topic = "core.iterators-vs-generators",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

def countdown(start):
    while start > 0:
        yield start
        start -= 1

c = Countdown(3)
g = countdown(3)
print(list(c), list(c))
print(next(g), list(g))
print(iter(g) is g, type(g).__name__)]],
    expected = "[3, 2, 1] []\n3 [2, 1]\nTrue generator",
    hints = {
      "Countdown.__iter__ returns self: what is left in c after the first list()?",
      "An iterator (class or generator) is used up by one pass; next(g) takes the first value.",
      "Both are exhausted after one pass; a generator's __iter__ returns the generator itself.",
    },
    why = "Shows that a class iterator and a generator behave the same, including single use.",
    wrong = { "[3, 2, 1] [3, 2, 1]\n3 [2, 1]\nTrue generator",
              "[3, 2, 1] []\n3 [3, 2, 1]\nTrue generator",
              "[3, 2, 1] []\n3 [2, 1]\nFalse function" },
  },
  {
    id = "core.iterators-vs-generators.chunks",
    topic = "core.iterators-vs-generators",
    level = "intermediate",
    kind = "parsons",
    prompt = "Arrange the lines into a generator that yields lists of `size` items (the last one may be shorter): `list(chunks(range(5), 2))` is `[[0, 1], [2, 3], [4]]`. Two lines do not belong.",
    lines = {
      "def chunks(items, size):",
      "    batch = []",
      "    for item in items:",
      "        batch.append(item)",
      "        if len(batch) == size:",
      "            yield batch",
      "            batch = []",
      "    if batch:",
      "        yield batch",
    },
    distractors = {
      "            batch.clear()",
      "            return batch",
    },
    hints = {
      "Collect items until the batch is full, hand it out, start a new one.",
      "After a yield the caller holds the list you gave it: start a fresh list rather than emptying that one.",
      "Don't forget the final, shorter batch after the loop.",
    },
    why = "Writing a small generator with state is a common live-coding task; batch.clear() is the subtle bug that empties lists the caller already holds.",
  },
  {
    id = "core.iterators-vs-generators.call",
    topic = "core.iterators-vs-generators",
    level = "intermediate",
    kind = "choice",
    prompt = "`def read_rows(path):` contains a `yield` inside a loop. What does the call `rows = read_rows(\"big.csv\")` do?",
    options = {
      { text = "Returns a generator object; none of the body runs until the first next()", correct = true,
        why = "A function containing yield is a generator function: calling it only creates the generator." },
      { text = "Runs the body up to the first yield and returns that row",
        why = "Nothing runs yet; the first next() (or the first loop iteration) runs up to the first yield." },
      { text = "Reads the whole file and returns a list of rows",
        why = "That would be the eager version; a generator produces rows one at a time." },
      { text = "Returns None, because the function has no return statement",
        why = "The yield makes it a generator function, so the call returns a generator object." },
    },
    hints = {
      "The presence of yield changes what calling the function means.",
      "Calling a generator function creates an iterator and runs nothing.",
    },
    solution = "It returns a generator object and runs none of the body yet.",
    why = "Knowing that the call runs nothing explains why errors in generators show up late.",
  },
}
