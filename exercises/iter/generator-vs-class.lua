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
      { text = "It must work in for loops, list() and sum()", why = "Generators already follow the iterator protocol." },
      { text = "It must produce an unbounded stream of values", why = "A generator does that with a while True loop, no class needed." },
      { text = "It must run faster on large inputs", why = "A class with attribute lookups in __next__ is usually no faster than a generator." },
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
  {
    id = "iter.generator-vs-class.explain",
    topic = "iter.generator-vs-class",
    level = "intermediate",
    kind = "explain",
    prompt = "You rewrite an iterator class as a generator function. What do you gain? When is the class still the better choice?",
    hints = {
      "Count what you no longer have to write.",
      "The state becomes local variables, and StopIteration is raised for you. What can a class offer that a generator object cannot?",
      "Gain: far less code, same protocol, infinite streams for free. Class: extra methods or attributes (remaining, reset, __len__), pickling.",
    },
    solution = "The generator needs far less code: no __iter__ and __next__ to write, no self bookkeeping, no hand-raised StopIteration; the state is just local variables kept alive by the paused frame, and returning ends it. It is still an iterator, so it works in for, list(), sum() and islice, and an unbounded version costs nothing extra. The class wins when the iterator needs more than the protocol: attributes or methods such as remaining or reset(), __len__ or __repr__, or being picklable so its position can be saved. For re-iteration, combine both: a class whose __iter__ is a generator function.",
    why = "Idiomatic Python reaches for a generator first; a senior answer knows the concrete reasons for a class.",
    rubric = {
      vocab = { "boilerplate", "generator", "attributes", "methods" },
      concepts = {
        { label = "far less code: no __iter__/__next__, no manual StopIteration, state in locals", weight = 2,
          match = { "\\bless (?:code|boilerplate|bookkeeping)\\b", "\\bshorter\\b", "\\bboilerplate\\b", "\\bfewer lines\\b",
                    "\\blocal variables?\\b", "\\bautomatic\\w*", "\\bfor (?:you|free)\\b", "\\bconcise\\b", "\\bsimpler\\b",
                    "\\bhalf the\\b", "\\bthird of the\\b", "\\bfraction of the\\b", "\\bremembers? where it (?:was|is|stopped)\\b", "\\bbookkeeping\\b", "\\bno (?:need (?:for|to (?:write|raise)) )?(?:__next__|__iter__|stopiteration|self)\\b" } },
        { label = "it is still an iterator, and endless streams come free", weight = 1,
          match = { "\\bsame protocol\\b", "\\bstill an iterator\\b", "\\binfinite\\b", "\\bendless\\b", "\\bunbounded\\b", "\\bislice\\b",
                    "\\bworks (?:anywhere|in (?:a )?for|with for|the same)\\b" } },
        { label = "a class wins when extra methods or attributes are needed", weight = 2,
          match = { "\\bextra (?:methods?|attributes?|state|api)\\b", "\\bmethods?\\b", "\\battributes?\\b", "\\breset\\b",
                    "\\bremaining\\b", "__len__", "__repr__", "__getitem__", "\\bpeek\\w*", "\\bproperty\\b", "\\bhow (?:much|many) (?:is|are) left\\b", "\\brewind\\w*", "\\bask it\\b", "\\bproperties\\b" } },
        { label = "also: pickling, or re-iteration via a class with a generator __iter__", weight = 1,
          match = { "\\bre-?iterab\\w*", "\\bpickl\\w*", "\\bseveral (?:times|passes)\\b", "\\bmore than once\\b",
                    "\\bserial[iz]\\w*", "\\bsave (?:its|the) (?:position|state)\\b", "\\bloop(?:ed)? (?:over )?again\\b" } },
      },
      red_flags = {
        { label = "a generator is an iterator and works in for loops", penalty = 0.6,
          match = { "\\bgenerators?\\b(?=(?: \\w+){0,2} (?:is|are)(?:n't| not) (?:an? )?iterators?)",
                    "\\bgenerators?\\b(?=(?: \\w+){0,2} (?:can(?:no|')t|could(?:n't| not)) be (?:used|looped))" } },
        { label = "the generator is the shorter one, not the class", penalty = 0.6,
          match = { "\\bclass(?:es)?\\b(?=(?: \\w+){1,3} (?:less|fewer|shorter|simpler|more concise))",
                    "\\bgenerators?\\b(?=(?: \\w+){1,3} (?:more code|more boilerplate|longer))" } },
      },
    },
    samples = {
      good = {
        "The generator needs much less code: no __iter__ or __next__, no self bookkeeping, and StopIteration is raised for you when the function returns; the state is just local variables. It is still an iterator and can even be infinite. A class is better when callers need extra methods or attributes like remaining or reset(), or when the iterator must be pickled.",
        "You write maybe a third of the lines, because the paused function remembers where it was and the variables it had. But the object you get back can only be stepped through; if people need to ask it questions, like how much is left, or rewind it, you need your own class for that.",
        "Generators remove the boilerplate: the state lives in local varibles and StopIteration is automatic. Use a class when you need extra atributes or methods such as reset().",
      },
      bad = {
        "A generator is not an iterator, so it cannot be used in a for loop; you need the class for that, although the generator is faster.",
        "generator, class, boilerplate, __next__, StopIteration, reset, pickle, infinite.",
        "The class needs less code than the generator, and a generator is the right choice when callers need extra methods like reset().",
      },
    },
  },
}
