-- Exercises for iter.pitfall-partial-consumption: a later loop resumes
-- where an earlier one stopped.
return {
  {
    id = "iter.pitfall-partial-consumption.membership",
    topic = "iter.pitfall-partial-consumption",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
def letters():
    yield from "abcdef"


g = letters()
for ch in g:
    if ch == "c":
        break
print("c" in g, list(g))

h = letters()
print("b" in h, next(h))]],
    expected = "False []\nTrue c",
    hints = {
      "After break, where is g paused?",
      "The in test iterates too: it keeps consuming until it finds a match or runs out.",
      "g resumes at d, so \"c\" is never found and nothing is left; h stops just after b.",
    },
    why = "break, in, any() and max() all consume; a later pass continues from there.",
    wrong = { "True ['d', 'e', 'f']\nTrue c", "False ['d', 'e', 'f']\nTrue a", "True []\nTrue c" },
  },
  {
    id = "iter.pitfall-partial-consumption.header",
    topic = "iter.pitfall-partial-consumption",
    level = "beginner",
    kind = "fill",
    prompt = "Partial consumption on purpose: take the header row off a `csv.reader` before looping over the data rows.",
    code = [[
rows = csv.reader(f)
header = ___
for row in rows:
    record = dict(zip(header, row))]],
    blanks = {
      { "next(rows)", patterns = { "^(?:next\\(\\s*rows\\s*\\)|rows\\.__next__\\(\\))$" } },
    },
    hints = {
      "The reader is an iterator; take one item from it.",
      "The built-in that advances an iterator by one.",
    },
    solution = "next(rows)",
    why = "Skipping a header with next() is the useful side of the same behaviour that causes the pitfall.",
    wrong = { "rows[0]", "list(rows)[0]", "rows" },
  },
  {
    id = "iter.pitfall-partial-consumption.second-loop",
    topic = "iter.pitfall-partial-consumption",
    level = "intermediate",
    kind = "choice",
    prompt = "`squares = (n * n for n in range(10))`. A first loop breaks as soon as it sees 16. What does a second `for x in squares:` loop see?",
    options = {
      { text = "25, 36, 49, 64, 81", correct = true,
        why = "The generator was paused right after 16; the second loop resumes it there." },
      { text = "0, 1, 4, 9, 16, 25, 36, 49, 64, 81", why = "A generator never restarts; only a new generator starts from the beginning." },
      { text = "16, 25, 36, 49, 64, 81", why = "16 was already handed out to the first loop." },
      { text = "Nothing: a generator that was broken out of is closed", why = "break leaves it suspended, not closed." },
    },
    hints = {
      "Does break reset a generator?",
      "It stays paused just after the last item it handed out.",
    },
    solution = "25, 36, 49, 64, 81",
    why = "Half-used generators continue silently; code that assumes a fresh start gets wrong results.",
  },
}
