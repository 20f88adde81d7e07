-- Exercises for iter.generator-vs-class: the same iterator as a class
-- and as a generator, and when the class still wins.
return {
  {
    id = "iter.generator-vs-class.fib-parsons",
    topic = "iter.generator-vs-class",
    level = "intermediate",
    kind = "parsons",
    prompt = "Arrange the lines into a Fibonacci generator that is bounded by `limit`, or endless when `limit` is None. One line does not belong.",
    lines = {
      "def fibonacci(limit=None):",
      "    a, b = 0, 1",
      "    while limit is None or a <= limit:",
      "        yield a",
      "        a, b = b, a + b",
    },
    distractors = {
      "        a = b; b = a + b",
    },
    hints = {
      "The state is just two local variables; the loop condition handles both modes.",
      "Yield the current value, then advance both numbers.",
      "Advance them together with a tuple assignment, or b is computed from the new a.",
    },
    why = "Rewriting a class-based iterator as a generator is a common interview follow-up.",
  },
  {
    id = "iter.generator-vs-class.when-class",
    topic = "iter.generator-vs-class",
    level = "advanced",
    kind = "choice",
    prompt = "You have a working generator function. Which requirement is a good reason to rewrite it as an iterator class?",
    options = {
      { text = "Callers need to ask how many items remain, or reset it", correct = true,
        why = "A generator object offers only the iterator interface plus send/throw/close; extra methods and attributes need a class." },
      { text = "It must work in a for loop", why = "Generators already follow the iterator protocol." },
      { text = "It must produce an unbounded stream", why = "A generator does that with a while True loop, no class needed." },
      { text = "It must run faster", why = "A class with attribute lookups in __next__ is usually no faster than a generator." },
    },
    hints = {
      "What can a class have that a generator object cannot?",
      "Think of extra attributes and methods: remaining, position, reset().",
    },
    solution = "Callers need to ask how many items remain, or reset it",
    why = "A senior answer reaches for a generator first and names the concrete needs that justify a class.",
  },
  {
    id = "iter.generator-vs-class.same-stream",
    topic = "iter.generator-vs-class",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
from itertools import islice


class Doubler:
    def __init__(self):
        self.n = 1

    def __iter__(self):
        return self

    def __next__(self):
        value = self.n
        self.n *= 2
        return value


def doubler():
    n = 1
    while True:
        yield n
        n *= 2


print(list(islice(Doubler(), 5)))
g = doubler()
print(list(islice(g, 3)), list(islice(g, 2)))]],
    expected = "[1, 2, 4, 8, 16]\n[1, 2, 4] [8, 16]",
    hints = {
      "Both are endless; islice takes a finite prefix.",
      "The second islice continues from where the first one stopped on the same generator.",
    },
    why = "A generator holds the same state a class would, in local variables of a paused frame.",
    wrong = { "[1, 2, 4, 8, 16]\n[1, 2, 4] [1, 2]", "[2, 4, 8, 16, 32]\n[2, 4, 8] [16, 32]" },
  },
}
