-- Exercises for iter.custom-iterator-class: __iter__ returning self,
-- __next__ raising StopIteration.
return {
  {
    id = "iter.custom-iterator-class.countdown",
    topic = "iter.custom-iterator-class",
    level = "intermediate",
    kind = "parsons",
    prompt = "Arrange the lines into an iterator class: `list(Countdown(3))` gives `[3, 2, 1]`. Define the methods in the order `__init__`, `__iter__`, `__next__`. Two lines do not belong.",
    lines = {
      "class Countdown:",
      "    def __init__(self, start):",
      "        self.current = start",
      "    def __iter__(self):",
      "        return self",
      "    def __next__(self):",
      "        if self.current <= 0:",
      "            raise StopIteration",
      "        value = self.current",
      "        self.current -= 1",
      "        return value",
    },
    distractors = {
      "            return StopIteration",
      "        return iter(self.current)",
    },
    hints = {
      "An iterator needs two methods: one hands out the iterator, one hands out items.",
      "__iter__ of an iterator returns the object itself; __next__ signals the end by raising.",
      "Check for the end first, then remember the value, step down, and return it.",
    },
    why = "Implementing the protocol from scratch is a standard whiteboard task.",
  },
  {
    id = "iter.custom-iterator-class.return-not-raise",
    topic = "iter.custom-iterator-class",
    level = "intermediate",
    kind = "bug",
    prompt = "`for page in Pages(3): print(page)` prints 1, 2, 3 and then `None` forever. Which line is the bug?",
    code = [[
class Pages:
    def __init__(self, last):
        self.last = last
        self.page = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.page == self.last:
            return
        self.page += 1
        return self.page]],
    buggy = 11,
    rubric = {
      concepts = {
        { label = "the end must be signalled by raising StopIteration", weight = 2,
          match = { "\\braise stopiteration\\b", "\\braises? (?:a )?stopiteration\\b", "\\bstopiteration\\b" } },
        { label = "a bare return hands out None as an ordinary item", weight = 1,
          match = { "\\bnone\\b", "\\bjust (?:an? )?(?:value|item)\\b", "\\bordinary (?:value|item)\\b" } },
      },
    },
    samples = {
      good = {
        "A bare return gives back None, which the loop treats as the next item. __next__ must raise StopIteration instead.",
        "It should be raise StopIteration; returning None is just another value, so the loop never ends.",
      },
      bad = {
        "The comparison should be >= instead of ==.",
        "__iter__ should return iter(self).",
      },
    },
    hints = {
      "How does a for loop learn that an iterator is finished?",
      "Returning from __next__ always produces an item, even if it is None.",
      "Replace the bare return with raise StopIteration.",
    },
    solution = "Line 11: a bare return makes __next__ hand out None as an item; the loop only stops when __next__ raises StopIteration.",
    why = "Return versus raise in __next__ is the one line that makes or breaks an iterator class.",
    wrong = { "10", "7", "13" },
  },
  {
    id = "iter.custom-iterator-class.once",
    topic = "iter.custom-iterator-class",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
class Evens:
    def __init__(self, limit):
        self.n = 0
        self.limit = limit

    def __iter__(self):
        return self

    def __next__(self):
        if self.n > self.limit:
            raise StopIteration
        self.n += 2
        return self.n - 2


evens = Evens(6)
print(sum(evens))
print(list(evens))
print(list(Evens(4)), max(Evens(4)))]],
    expected = "12\n[]\n[0, 2, 4] 4",
    hints = {
      "Where is the iterator's position stored, and what does __iter__ return?",
      "sum() walks the object to the end; the object is its own iterator, so nothing resets it.",
      "A fresh Evens(4) starts again at 0.",
    },
    why = "An iterator class returning self from __iter__ is single-use: the state lives in the object.",
    wrong = { "12\n[0, 2, 4, 6]\n[0, 2, 4] 4", "20\n[]\n[0, 2, 4, 6] 6", "12\n[]\n[0, 2] 2" },
  },
}
